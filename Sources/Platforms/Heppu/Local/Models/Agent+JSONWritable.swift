import LocalServerKit

/// Agents written straight to JSON bytes: a page of 100 is the local Heppu's busiest answer.
/// Keys sorted, as the JSON encoder writes them.
extension Agent: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.object { writer in
      writer.key("config")
      writer.value(.object(config))
      writer.key("createdAt")
      writer.string(createdAt)
      writer.key("id")
      writer.string(id)
      writer.key("instructions")
      writer.string(instructions)
      writer.key("model")
      writer.string(model)
      writer.key("name")
      writer.string(name)
      writer.key("phoneNumbers")
      writer.array { writer in for number in phoneNumbers { writer.string(number) } }
      writer.key("status")
      writer.string(status)
      writer.key("tools")
      writer.array { writer in
        for tool in tools {
          writer.object { writer in
            writer.key("description")
            writer.string(tool.description)
            writer.key("id")
            writer.string(tool.id)
            writer.key("name")
            writer.string(tool.name)
          }
        }
      }
      writer.key("type")
      writer.string(type)
      writer.key("updatedAt")
      writer.string(updatedAt)
    }
  }
}

/// A page of agents: `{"data": [...], "pagination": {...}, "success": true}`.
struct AgentPage: JSONWritable {
  var agents: [Agent]
  var page: Int
  var limit: Int
  var total: Int

  func write(to writer: inout JSONWriter) {
    writer.object { writer in
      writer.key("data")
      writer.array { writer in for agent in agents { agent.write(to: &writer) } }
      writer.key("pagination")
      writer.object { writer in
        writer.key("limit")
        writer.integer(limit)
        writer.key("page")
        writer.integer(page)
        writer.key("total")
        writer.integer(total)
        writer.key("totalPages")
        writer.integer(max(1, (total + limit - 1) / limit))
      }
      writer.key("success")
      writer.bool(true)
    }
  }
}
