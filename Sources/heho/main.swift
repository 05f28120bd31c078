import HehoCLI

await HehoCommand.runAsRoot()
