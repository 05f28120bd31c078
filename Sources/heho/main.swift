import HehoCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the root command; inside an async function `main()` resolves to the async overload
/// (in top-level code it resolves to the synchronous one, which refuses async commands).
func runHeho() async {
  // A closed output pipe makes writes fail instead of killing the process, so an apply whose
  // output nobody reads any more still finishes (and the console drops what it cannot write).
  signal(SIGPIPE, SIG_IGN)
  await HehoCommand.main()
}

await runHeho()
