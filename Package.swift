// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "heho",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "heho", targets: ["heho"]),
    .library(name: "HehoManifest", targets: ["HehoManifest"]),
    .library(name: "HehoEngine", targets: ["HehoEngine"]),
    .library(name: "HehoPlatform", targets: ["HehoPlatform"]),
    .library(name: "HehoPlatforms", targets: ["HehoPlatforms"]),
    .library(name: "HehoLocal", targets: ["HehoLocal"]),
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
        "HehoManifest", .product(name: "Logging", package: "swift-log"),
        .product(name: "HeapModule", package: "swift-collections"),
      ]
    ),
    // The platform seam: the descriptor every platform supplies, the registry type, and the
    // HTTP client platforms share.
    .target(
      name: "HehoPlatform",
      dependencies: [
        "HehoManifest", "HehoEngine", .product(name: "Logging", package: "swift-log"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    // The local platform's shared server parts: organizations, keys, auth, faults, metrics,
    // SQLite files.
    .target(
      name: "HehoLocal",
      dependencies: [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    // One folder per platform: its provider (kinds, rules, wire types, exporter) and its part of
    // the local platform, each a target; no platform depends on another.
    .target(
      name: "HeHoPlatform", dependencies: ["HehoPlatform", "HehoManifest", "HehoEngine"],
      path: "Sources/Platforms/HeHo/Provider"),
    .target(
      name: "HeHoLocal",
      dependencies: [
        "HehoLocal", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      path: "Sources/Platforms/HeHo/Local"),
    .target(
      name: "BotHeroPlatform",
      dependencies: [
        "HehoPlatform", "HehoManifest", "HehoEngine",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "MultipartKit", package: "multipart-kit"),
      ],
      path: "Sources/Platforms/BotHero/Provider"),
    .target(
      name: "BotHeroLocal",
      dependencies: [
        "HehoLocal", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "MultipartKit", package: "multipart-kit"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ],
      path: "Sources/Platforms/BotHero/Local"),
    .target(
      name: "HeppuPlatform",
      dependencies: ["HehoPlatform", "HehoManifest", "HehoEngine"],
      path: "Sources/Platforms/Heppu/Provider"),
    .target(
      name: "HeppuLocal",
      dependencies: [
        "HehoLocal", "HeppuPlatform", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      path: "Sources/Platforms/Heppu/Local"),
    // The registry: every platform, one line each.
    .target(
      name: "HehoPlatforms",
      dependencies: [
        "HehoPlatform", "HehoLocal", "HeHoPlatform", "HeHoLocal", "BotHeroPlatform", "BotHeroLocal",
        "HeppuPlatform", "HeppuLocal",
      ]
    ),
    .target(
      name: "HehoCLI",
      dependencies: [
        "HehoManifest", "HehoEngine", "HehoPlatform", "HehoPlatforms", "HehoLocal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(name: "heho", dependencies: ["HehoCLI"]),
    // The harness the test suites share: in-process commands, direct API calls, child processes.
    .target(
      name: "HehoTestSupport",
      dependencies: [
        "HehoCLI", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      path: "Tests/HehoTestSupport"),
    .testTarget(
      name: "HehoManifestTests",
      dependencies: ["HehoManifest", "HehoCLI", "HehoPlatforms", "HehoPlatform", "HehoTestSupport"]),
    .testTarget(name: "HehoEngineTests", dependencies: ["HehoEngine", "HehoManifest"]),
    .testTarget(
      name: "BotHeroPlatformTests",
      dependencies: [
        "BotHeroPlatform", "HehoPlatform", "HehoEngine", "HehoManifest", "HehoTestSupport",
      ]),
    .testTarget(
      name: "HeHoPlatformTests",
      dependencies: [
        "HeHoPlatform", "HehoPlatform", "HehoPlatforms", "HehoEngine", "HehoManifest",
        "HehoTestSupport",
      ]),
    .testTarget(
      name: "HehoLocalTests",
      dependencies: [
        "HehoLocal", "HeHoLocal", "BotHeroLocal", "HeppuLocal", "HeppuPlatform", "HehoPlatforms",
        "HehoTestSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "HehoCLI", "HehoLocal", "HehoPlatform", "HehoPlatforms", "HeHoPlatform", "HeHoLocal",
        "HehoEngine", "HehoManifest", "HehoTestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(
      name: "ReliabilityTests",
      dependencies: [
        "HehoCLI", "HehoLocal", "HehoPlatform", "HehoPlatforms", "HeHoPlatform", "HeHoLocal",
        "HehoEngine", "HehoManifest", "HehoTestSupport", "BotHeroPlatform",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
