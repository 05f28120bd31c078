import ArgumentParser

extension HehoCommand {
  /// Parses the process's arguments and runs the chosen command asynchronously.
  ///
  /// Top-level code resolves `HehoCommand.main()` to the synchronous overload, which refuses
  /// async commands; this entry point always takes the async path.
  public static func runAsRoot(_ arguments: [String]? = nil) async {
    do {
      var command = try await asyncParseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: error)
    }
  }
}
