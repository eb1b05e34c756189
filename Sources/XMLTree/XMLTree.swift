// XMLTree: placeholder until the module lands.
