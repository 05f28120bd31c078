import HehoEngine
import HehoManifest
import PlatformKit
import Testing

/// A platform's kinds as a type: spelled once, read back from addresses in either case.
@Suite struct PlatformKindTests {
  enum ShopKind: String, PlatformKind {
    case product = "Product"
    case giftCard = "GiftCard"
    case item2 = "Item2"
  }

  @Test func addressesSpellKindsLowerCased() {
    #expect(ShopKind.giftCard.addressKind == "giftcard")
    #expect(ShopKind.giftCard.address("x") == ResourceAddress(kind: "giftcard", name: "x"))
    #expect(ShopKind(addressKind: "giftcard") == .giftCard)
    #expect(ShopKind(addressKind: "GiftCard") == .giftCard)
    #expect(ShopKind(addressKind: "item2") == .item2)
  }

  @Test func nearMissesAreNotKinds() {
    for text in ["gift", "giftcards", "gift-card", "item3", "", "giftcarD ", "produc"] {
      #expect(ShopKind(addressKind: text) == nil, "\(text)")
    }
    // Folding applies to letters only: '2' (0x32) and 0x12 differ by the case bit too.
    #expect(ShopKind(addressKind: "item\u{12}") == nil)
    #expect(!ShopKind.product.matches(ResourceAddress(kind: "giftcard", name: "p")))
    #expect(ShopKind.product.matches(ResourceAddress(kind: "product", name: "p")))
  }

  @Test func anotherPlatformsKindIsAnErrorNamingTheseKinds() {
    #expect {
      _ = try ShopKind(of: ResourceAddress(kind: "agent", name: "a"), on: "Shop")
    } throws: { error in
      "\(error)" == "agent/a: Shop has no kind 'agent' (its kinds: product, giftcard, item2)"
    }
  }
}
