// swift-tools-version: 6.1
import PackageDescription

/// A platform heho manages: the folder `Sources/Platforms/<name>` with `Provider/` (the target
/// `<name>Provider`: kinds, rules, wire types, compiler, exporter) and `Local/` (the target
/// `<name>LocalServer`: its part of the local platform), and the unit tests in
/// `Tests/<name>ProviderTests`. No platform depends on another.
struct Platform {
  let name: String
  /// What the provider needs beyond the seam (`PlatformKit`, `HehoManifest`, `HehoEngine`).
  var provider: [Target.Dependency] = []
  /// What the local part needs beyond `LocalServerKit`, Hummingbird and GRDB.
  var local: [Target.Dependency] = []

  var providerTarget: String { "\(name)Provider" }
  var localTarget: String { "\(name)LocalServer" }
}

let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let multipart = Target.Dependency.product(name: "MultipartKit", package: "multipart-kit")
let httpClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(
  name: "HummingbirdTesting", package: "hummingbird")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let argumentParser = Target.Dependency.product(
  name: "ArgumentParser", package: "swift-argument-parser")

/// Every platform, one line each; the registry (`Sources/PlatformRegistry`) lists the same.
let platforms: [Platform] = [
  Platform(name: "HeHo"),
  Platform(
    name: "BotHero", provider: [crypto, multipart],
    local: [crypto, multipart, httpClient, argumentParser]),
  Platform(name: "Heppu", local: ["HeppuProvider"]),
]

let platformTargets: [Target.Dependency] = platforms.flatMap {
  [.target(name: $0.providerTarget), .target(name: $0.localTarget)]
}

let platformPackageTargets: [Target] = platforms.flatMap { platform in
  [
    .target(
      name: platform.providerTarget,
      dependencies: ["PlatformKit", "HehoManifest", "HehoEngine"] + platform.provider,
      path: "Sources/Platforms/\(platform.name)/Provider"),
    .target(
      name: platform.localTarget,
      dependencies: ["LocalServerKit", hummingbird, grdb] + platform.local,
      path: "Sources/Platforms/\(platform.name)/Local"),
    .testTarget(
      name: "\(platform.name)ProviderTests",
      dependencies: [
        .target(name: platform.providerTarget), "PlatformKit", "HehoEngine", "HehoManifest",
        "HehoTestSupport",
      ]),
  ]
}

let package = Package(
  name: "heho",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "heho", targets: ["heho"]),
    .library(name: "HehoManifest", targets: ["HehoManifest"]),
    .library(name: "HehoEngine", targets: ["HehoEngine"]),
    .library(name: "PlatformKit", targets: ["PlatformKit"]),
    .library(name: "PlatformRegistry", targets: ["PlatformRegistry"]),
    .library(name: "LocalServerKit", targets: ["LocalServerKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    .target(
      name: "HehoManifest",
      // For its libyaml (the `CYaml` module), whose events the manifest reader reads directly.
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "HehoEngine",
      dependencies: [
        "HehoManifest", logging, .product(name: "HeapModule", package: "swift-collections"),
      ]
    ),
    // The platform seam: the descriptor and provider protocols every platform supplies, the
    // registry type, the HTTP client platforms share, and export writing.
    .target(
      name: "PlatformKit",
      dependencies: [
        "HehoManifest", "HehoEngine", logging, httpClient,
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    // The local platform's shared server parts: organizations, keys, auth, faults, metrics,
    // SQLite files.
    .target(
      name: "LocalServerKit",
      dependencies: [
        hummingbird, httpClient, grdb, logging, crypto,
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // The registry: every platform in `platforms`, each a descriptor and a local module.
    .target(
      name: "PlatformRegistry",
      dependencies: ["PlatformKit", "LocalServerKit", argumentParser] + platformTargets
    ),
    .target(
      name: "HehoCLI",
      dependencies: [
        "HehoManifest", "HehoEngine", "PlatformKit", "PlatformRegistry", "LocalServerKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"), logging,
      ]
    ),
    .executableTarget(name: "heho", dependencies: ["HehoCLI"]),
    // The harness the test suites share: in-process commands, direct API calls, child processes.
    .target(
      name: "HehoTestSupport",
      dependencies: ["HehoCLI", "PlatformKit", hummingbird, crypto],
      path: "Tests/HehoTestSupport"),
    .testTarget(
      name: "HehoManifestTests",
      dependencies: [
        "HehoManifest", "HehoCLI", "PlatformRegistry", "PlatformKit", "HehoTestSupport",
      ]),
    .testTarget(name: "HehoEngineTests", dependencies: ["HehoEngine", "HehoManifest"]),
    .testTarget(
      name: "PlatformKitTests",
      dependencies: ["PlatformKit", "HehoEngine", "HehoManifest", "HehoTestSupport"]),
    .testTarget(
      name: "PlatformRegistryTests",
      dependencies: ["PlatformRegistry", "PlatformKit", "LocalServerKit"] + platformTargets),
    .testTarget(
      name: "LocalServerTests",
      dependencies: [
        "LocalServerKit", "PlatformRegistry", "HehoTestSupport", httpClient, hummingbird,
        hummingbirdTesting, grdb, .product(name: "Yams", package: "Yams"),
      ] + platformTargets
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "HehoCLI", "LocalServerKit", "PlatformKit", "PlatformRegistry", "HehoEngine",
        "HehoManifest", "HehoTestSupport", hummingbird, hummingbirdTesting,
      ] + platformTargets
    ),
    .testTarget(
      name: "ReliabilityTests",
      dependencies: [
        "HehoCLI", "LocalServerKit", "PlatformKit", "PlatformRegistry", "HehoEngine",
        "HehoManifest", "HehoTestSupport",
      ] + platformTargets
    ),
  ] + platformPackageTargets,
  swiftLanguageModes: [.v6]
)
