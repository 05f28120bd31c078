import LocalServerKit

extension LocalPlatform {
  /// The number of rows really stored in an organization's HeHo table (for tests).
  @_spi(Testing)
  public func rowCount(table: String, organization: String) async throws -> Int {
    let owner = try await services.organization(named: organization)
    guard let heho = part("heho", as: HeHoLocalPart.self) else {
      throw LocalPlatformError.startFailed("the HeHo platform is not served")
    }
    do {
      return try await heho.tables.rowCount(table: table, organization: owner)
    } catch let error as LocalAPIError {
      throw LocalPlatformError.invalidTable(error.message)
    }
  }
}
