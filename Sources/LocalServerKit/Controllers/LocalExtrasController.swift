import Hummingbird

/// `/_local/health`, `/_local/metrics` and `/_local/metrics/reset` (no auth, no faults), covering
/// every platform served.
struct LocalExtrasController: Sendable {
  /// The request counters.
  let recorder: MetricsRecorder
  /// The names of the platforms served.
  let platforms: [String]

  struct Health: Codable, Sendable {
    var status: String
    var platforms: [String]
  }

  /// Adds the routes to the router.
  func addRoutes(to router: Router<LocalRequestContext>) {
    let (health, metrics, reset) = (
      LocalRoute.extras[0], LocalRoute.extras[1], LocalRoute.extras[2]
    )
    router.on(RouterPath(health.path), method: health.httpMethod) { _, _ in
      try JSONResponse.make(Health(status: "ok", platforms: platforms))
    }
    router.on(RouterPath(metrics.path), method: metrics.httpMethod) { _, _ in
      try JSONResponse.make(recorder.snapshot)
    }
    router.on(RouterPath(reset.path), method: reset.httpMethod) { _, _ in
      recorder.reset()
      return try JSONResponse.make(recorder.snapshot)
    }
  }
}
