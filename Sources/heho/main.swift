import HehoCLI

/// Runs the root command; inside an async function `main()` resolves to the async overload
/// (in top-level code it resolves to the synchronous one, which refuses async commands).
func runHeho() async {
  await HehoCommand.main()
}

await runHeho()
