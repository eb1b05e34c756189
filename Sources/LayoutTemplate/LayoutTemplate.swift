// LayoutTemplate: placeholder until the module lands.
