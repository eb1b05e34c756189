// DisplayModel: placeholder until the module lands.
