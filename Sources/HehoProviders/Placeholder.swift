// HehoProviders
