import HehoCLI

await HehoCommand.main()
