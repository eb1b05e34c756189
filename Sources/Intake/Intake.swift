// Intake: placeholder until the module lands.
