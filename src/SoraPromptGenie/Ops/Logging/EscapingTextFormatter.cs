using Serilog.Events;
using Serilog.Formatting;

namespace SoraPromptGenie.Ops.Logging;

/// <summary>
/// Keeps one event to a line in the text format: every property value (request paths, rate-limited paths, reasons
/// and anything else a client can influence) is written with <see cref="LogText"/> escapes. Message templates are
/// the code's own text and exception stack traces span lines by design, so both are left alone. The JSON format
/// needs none of this: its encoder escapes control characters already.
/// </summary>
public sealed class EscapingTextFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        inner.Format(NeedsEscaping(logEvent) ? Escaped(logEvent) : logEvent, output);
    }

    private static bool NeedsEscaping(LogEvent logEvent)
    {
        foreach (var value in logEvent.Properties.Values)
        {
            if (NeedsEscaping(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NeedsEscaping(LogEventPropertyValue value) => value switch
    {
        ScalarValue scalar => ScalarText(scalar) is { } text && LogText.NeedsEscaping(text),
        SequenceValue sequence => sequence.Elements.Any(NeedsEscaping),
        StructureValue structure => structure.Properties.Any(p => NeedsEscaping(p.Value)),
        DictionaryValue dictionary => dictionary.Elements.Any(e => NeedsEscaping(e.Key) || NeedsEscaping(e.Value)),
        _ => false,
    };

    private static LogEvent Escaped(LogEvent logEvent) => new(
        logEvent.Timestamp,
        logEvent.Level,
        logEvent.Exception,
        logEvent.MessageTemplate,
        logEvent.Properties.Select(p => new LogEventProperty(p.Key, Escape(p.Value))),
        logEvent.TraceId ?? default,
        logEvent.SpanId ?? default);

    private static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue scalar => Escape(scalar),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Escape)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escape(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(Escape(e.Key), Escape(e.Value)))),
        _ => value,
    };

    private static ScalarValue Escape(ScalarValue scalar) =>
        ScalarText(scalar) is { } text && LogText.NeedsEscaping(text) ? new ScalarValue(LogText.Escape(text)) : scalar;

    /// <summary>Numbers, dates and other value types render without control characters; strings and objects may not.</summary>
    private static string? ScalarText(ScalarValue scalar) => scalar.Value switch
    {
        string text => text,
        char c => c.ToString(),
        null or ValueType => null,
        var other => other.ToString(),
    };
}
