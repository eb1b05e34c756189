// FolioTesting: placeholder until the module lands.
