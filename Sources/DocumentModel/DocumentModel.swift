// DocumentModel: placeholder until the module lands.
