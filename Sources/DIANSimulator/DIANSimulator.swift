import DIANClient
