import HeHoPlatform
import HehoPlatform

extension PlatformRegistry {
  /// Every platform heho manages. Adding a platform is its folder and one line here.
  public static let standard = PlatformRegistry([
    HeHoDescriptor()
  ])
}
