import Foundation
import HehoCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the command the arguments name, as tests run it (`runInProcess`: every key redacted
/// from the output), and exits with its code.
func runHeho() async -> Int32 {
  // A closed output pipe makes writes fail instead of killing the process, so an apply whose
  // output nobody reads any more still finishes (and the console drops what it cannot write).
  signal(SIGPIPE, SIG_IGN)
  return await HehoCommand.runInProcess(Array(CommandLine.arguments.dropFirst()))
}

exit(await runHeho())
