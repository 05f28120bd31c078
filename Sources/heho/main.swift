import ArgumentParser
import HehoCLI

// Parse and run explicitly through the asynchronous path (the synchronous `main()`
// would be chosen by overload resolution here and refuses an asynchronous root).
do {
  var command = try await HehoCommand.asyncParseAsRoot(nil)
  if var asyncCommand = command as? AsyncParsableCommand {
    try await asyncCommand.run()
  } else {
    try command.run()
  }
} catch {
  HehoCommand.exit(withError: error)
}
