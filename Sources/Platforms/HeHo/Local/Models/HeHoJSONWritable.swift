import LocalServerKit

/// The HeHo objects written with `JSONWriter` (list responses of thousands of rows).
extension Chatbot: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.object { json in
      json.key("created_at")
      json.string(createdAt)
      for (index, slot) in dataTables.enumerated() {
        let prefix = "data_table_\(index + 1)"
        json.key(prefix)
        json.string(slot.name)
        json.key(prefix + "_edit")
        json.bool(slot.edit)
        json.key(prefix + "_read")
        json.bool(slot.read)
        json.key(prefix + "_write")
        json.bool(slot.write)
      }
      json.key("description")
      json.string(description)
      json.key("goal")
      json.string(goal)
      json.key("id")
      json.string(id)
      json.key("model")
      json.string(model)
      json.key("name")
      json.string(name)
      json.key("theme")
      json.string(theme)
      json.key("tone")
      json.string(tone)
    }
  }
}

extension TableDescription: JSONWritable {
  func write(to writer: inout JSONWriter) {
    writer.object { json in
      json.key("columns")
      json.array { list in
        for column in columns {
          list.object { item in
            item.key("column_name")
            item.string(column.columnName)
            item.key("data_type")
            item.string(column.dataType)
            item.key("required")
            item.bool(column.required)
          }
        }
      }
      json.key("table_name")
      json.string(tableName)
    }
  }
}
