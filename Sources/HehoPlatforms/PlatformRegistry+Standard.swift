import BotHeroLocal
import BotHeroPlatform
import HeHoLocal
import HeHoPlatform
import HehoLocal
import HehoPlatform
import HeppuLocal
import HeppuPlatform

/// Every platform heho manages: its descriptor and its part of the local platform. Adding a
/// platform is its folder and one line here.
enum StandardPlatforms {
  static let all: [(descriptor: any PlatformDescriptor, local: any LocalPlatformModule)] = [
    (HeHoDescriptor(), HeHoLocalModule()),
    (BotHeroDescriptor(), BotHeroLocalModule()),
    (HeppuDescriptor(), HeppuLocalModule()),
  ]
}

extension PlatformRegistry {
  /// Every platform heho manages.
  public static let standard = PlatformRegistry(StandardPlatforms.all.map(\.descriptor))
}
