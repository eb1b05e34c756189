// Printing: placeholder until the module lands.
