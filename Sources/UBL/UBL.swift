// UBL: placeholder until the module lands.
