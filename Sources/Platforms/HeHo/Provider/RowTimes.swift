import HehoManifest

/// Dates, times and timestamps in one canonical ISO 8601 form: `2024-05-01`, `13:05:00`,
/// `2024-05-01T11:05:00Z` (with a time zone: converted to UTC) and `2024-05-01T13:05:00`
/// (without one). `T` or a space between date and time, seconds optional, fractions of a second
/// up to microseconds with trailing zeros dropped, and `Z`, `+02`, `+0200` or `+02:00` as the
/// offset are all accepted.
enum RowTimes {
  static func date(_ value: Value) -> Result<Value, RowValueProblem> {
    guard case .string(let text) = value, let parsed = parseDate(Array(text.utf8)[...]),
      parsed.rest.isEmpty
    else { return .failure(.init("a date (YYYY-MM-DD)", value)) }
    return .success(.string(format(date: parsed.date)))
  }

  static func time(_ value: Value, zoned: Bool) -> Result<Value, RowValueProblem> {
    let expected = zoned ? "a time (HH:MM[:SS] and an offset)" : "a time (HH:MM[:SS])"
    guard case .string(let text) = value, let parsed = parseTime(Array(text.utf8)[...]),
      zoned ? parseOffset(parsed.rest) != nil : parsed.rest.isEmpty
    else { return .failure(.init(expected, value)) }
    let zone = String(decoding: parsed.rest, as: UTF8.self)
    return .success(.string(format(time: parsed.time) + zone))
  }

  static func timestamp(_ value: Value, zoned: Bool) -> Result<Value, RowValueProblem> {
    let expected = "an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SS, with Z or an offset)"
    guard case .string(let text) = value else { return .failure(.init(expected, value)) }
    let bytes =
      text.first == " " || text.last == " "
      ? Array(text.trimmingPrefixSpaces.utf8)[...] : Array(text.utf8)[...]
    guard let day = parseDate(bytes) else { return .failure(.init(expected, value)) }
    var rest = day.rest
    var time = Time(hour: 0, minute: 0, second: 0, fraction: "")
    if let separator = rest.first, separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ")
    {
      guard let parsed = parseTime(rest.dropFirst()) else {
        return .failure(.init(expected, value))
      }
      time = parsed.time
      rest = parsed.rest
    }
    guard let offset = parseOffset(rest) else { return .failure(.init(expected, value)) }
    // Already canonical (`2024-05-01T11:05:00Z`, or without the Z when not zoned): as it is.
    let canonicalLength = zoned ? 20 : 19
    if text.utf8.count == canonicalLength && bytes[bytes.startIndex + 10] == UInt8(ascii: "T")
      && time.fraction.isEmpty && (zoned ? bytes.last == UInt8(ascii: "Z") : rest.isEmpty)
      && bytes[bytes.startIndex + 16] == UInt8(ascii: ":")
    {
      return .success(value)
    }
    var date = day.date
    if zoned && offset != 0 {
      var seconds =
        daysFromCivil(date) * 86_400 + time.hour * 3_600 + time.minute * 60
        + time.second - offset
      let days = Int((Double(seconds) / 86_400).rounded(.down))
      seconds -= days * 86_400
      date = civilFromDays(days)
      time.hour = seconds / 3_600
      time.minute = seconds % 3_600 / 60
      time.second = seconds % 60
    }
    return .success(.string(format(date: date) + "T" + format(time: time) + (zoned ? "Z" : "")))
  }

  struct Day {
    var year: Int
    var month: Int
    var day: Int
  }

  struct Time {
    var hour: Int
    var minute: Int
    var second: Int
    var fraction: String
  }

  static func parseDate(_ bytes: ArraySlice<UInt8>) -> (date: Day, rest: ArraySlice<UInt8>)? {
    var rest = bytes
    guard let year = digits(&rest, 4), take(&rest, "-"), let month = digits(&rest, 2),
      take(&rest, "-"), let day = digits(&rest, 2), (1...12).contains(month),
      (1...daysIn(month, year)).contains(day)
    else { return nil }
    return (Day(year: year, month: month, day: day), rest)
  }

  static func parseTime(_ bytes: ArraySlice<UInt8>) -> (time: Time, rest: ArraySlice<UInt8>)? {
    var rest = bytes
    guard let hour = digits(&rest, 2), take(&rest, ":"), let minute = digits(&rest, 2),
      hour < 24, minute < 60
    else { return nil }
    var second = 0
    var fraction = ""
    if take(&rest, ":") {
      guard let parsed = digits(&rest, 2), parsed < 60 else { return nil }
      second = parsed
      if take(&rest, ".") {
        var found: [UInt8] = []
        while let byte = rest.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
          found.append(byte)
          rest = rest.dropFirst()
        }
        // PostgreSQL keeps microseconds and rounds the rest: refused rather than differ.
        guard !found.isEmpty, found.count <= 6 else { return nil }
        fraction = String(decoding: found, as: UTF8.self)
        while fraction.hasSuffix("0") { fraction.removeLast() }
      }
    }
    return (Time(hour: hour, minute: minute, second: second, fraction: fraction), rest)
  }

  /// Seconds east of UTC: `Z`, `+02`, `+0200`, `+02:00`, or nothing (0); `nil` if malformed.
  static func parseOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
    var rest = bytes
    if rest.isEmpty || (rest.count == 1 && (take(&rest, "Z") || take(&rest, "z"))) { return 0 }
    let sign: Int
    if take(&rest, "+") {
      sign = 1
    } else if take(&rest, "-") {
      sign = -1
    } else {
      return nil
    }
    guard let hours = digits(&rest, 2), hours < 24 else { return nil }
    _ = take(&rest, ":")
    let minutes = rest.isEmpty ? 0 : digits(&rest, 2)
    guard let minutes, minutes < 60, rest.isEmpty else { return nil }
    return sign * (hours * 3_600 + minutes * 60)
  }

  static func digits(_ bytes: inout ArraySlice<UInt8>, _ count: Int) -> Int? {
    guard bytes.count >= count else { return nil }
    var number = 0
    for byte in bytes.prefix(count) {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      number = number * 10 + Int(byte - UInt8(ascii: "0"))
    }
    bytes = bytes.dropFirst(count)
    return number
  }

  static func take(_ bytes: inout ArraySlice<UInt8>, _ character: Unicode.Scalar) -> Bool {
    guard bytes.first == UInt8(ascii: character) else { return false }
    bytes = bytes.dropFirst()
    return true
  }

  static func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
  static func daysFromCivil(_ date: Day) -> Int {
    let year = date.month <= 2 ? date.year - 1 : date.year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civilFromDays(_ days: Int) -> Day {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  static func format(date: Day) -> String {
    pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
  }

  static func format(time: Time) -> String {
    pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
      + (time.fraction.isEmpty ? "" : "." + time.fraction)
  }

  static func pad(_ number: Int, _ width: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

extension String {
  /// The text without leading and trailing spaces.
  fileprivate var trimmingPrefixSpaces: String {
    var text = Substring(self)
    while text.first == " " { text = text.dropFirst() }
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
