// FolioApp: placeholder until the module lands.
