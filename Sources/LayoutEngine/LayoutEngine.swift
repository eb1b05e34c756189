// LayoutEngine: placeholder until the module lands.
