// Issuance: placeholder until the module lands.
