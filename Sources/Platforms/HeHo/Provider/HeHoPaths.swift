/// The HeHo API's paths.
enum HeHoPaths {
  static let chatbots = "/api/v1/chatbots/manage"
  static let rows = "/api/v1/database/manage"
  static let tables = "/api/v1/database/tables"
  static let connect = "/api/v1/database/tables/connect"
  static let chat = "/api/aichat"
}
