// DIANRules: placeholder until the module lands.
