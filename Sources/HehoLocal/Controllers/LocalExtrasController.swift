import Hummingbird

/// `/_local/health`, `/_local/metrics` and `/_local/metrics/reset` (no auth, no faults).
struct LocalExtrasController: Sendable {
  /// The request counters.
  let recorder: MetricsRecorder

  struct Health: Codable, Sendable {
    var status: String
  }

  /// Adds the routes to the router.
  func addRoutes(to router: Router<LocalRequestContext>) {
    router.on(RouterPath(LocalRoute.health.path), method: .get) { _, _ in
      try JSONResponse.make(Health(status: "ok"))
    }
    router.on(RouterPath(LocalRoute.metrics.path), method: .get) { _, _ in
      try JSONResponse.make(recorder.snapshot)
    }
    router.on(RouterPath(LocalRoute.resetMetrics.path), method: .post) { _, _ in
      recorder.reset()
      return try JSONResponse.make(recorder.snapshot)
    }
  }
}
