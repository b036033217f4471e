using System.Globalization;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;
using SoraPromptGenie.Ops.Logging;

namespace SoraPromptGenie.Tests.Ops.Logging;

public sealed class EscapingTextFormatterTests
{
    private const string AppTemplate = "{Message:lj}{NewLine}";

    // Without ":j", nested values are rendered by Serilog's own rules, which quote strings but escape nothing.
    private const string PlainTemplate = "{Message}{NewLine}";

    [Theory]
    [InlineData("plain /api/catalog", "plain /api/catalog")]
    [InlineData("a\nb\r\nc\td", @"a\nb\r\nc\td")]
    [InlineData("\u001b[31mred\u001b[0m", @"\x1b[31mred\x1b[0m")]
    [InlineData("nul\0del\u007fnel\u0085csi\u009b", @"nul\x00del\x7fnel\x85csi\x9b")]
    [InlineData("line\u2028para\u2029rlo\u202egnp.exe", @"line\u2028para\u2029rlo\u202egnp.exe")]
    [InlineData("café ✓ 日本", "café ✓ 日本")]
    public void Escape_Value_ReplacesOnlyUnsafeCharacters(string value, string expected)
    {
        Assert.Equal(expected, LogText.Escape(value));
    }

    [Fact]
    public void Format_StringPropertyWithLineBreak_WritesOneLine()
    {
        var text = Render(AppTemplate, "Rejected {Path:l} for {Client}", ("Path", new ScalarValue("/api/x\n2026-01-01 [ERR] forged")), ("Client", new ScalarValue("203.0.113.9")));

        Assert.Equal("Rejected /api/x\\n2026-01-01 [ERR] forged for 203.0.113.9" + Environment.NewLine, text);
    }

    [Fact]
    public void Format_NestedValuesWithControlCharacters_EscapesEveryLevel()
    {
        var sequence = new SequenceValue([new ScalarValue("a\nb"), new ScalarValue(3)]);
        var structure = new StructureValue([new LogEventProperty("Name", new ScalarValue("x\u001by"))]);
        var dictionary = new DictionaryValue([new KeyValuePair<ScalarValue, LogEventPropertyValue>(new ScalarValue("k\r"), new ScalarValue("v\n"))]);

        var text = Render(PlainTemplate, "{Items} {Thing} {Map}", ("Items", sequence), ("Thing", structure), ("Map", dictionary));

        Assert.Equal(@"[""a\nb"", 3] { Name: ""x\x1by"" } [(""k\r"": ""v\n"")]" + Environment.NewLine, text);
    }

    [Fact]
    public void Format_ObjectScalarWithControlCharacters_EscapesItsText()
    {
        var text = Render(AppTemplate, "Calling {Target}", ("Target", new ScalarValue(new Labelled("a\u001bb\nc"))));

        Assert.Equal(@"Calling a\x1bb\nc" + Environment.NewLine, text);
    }

    [Fact]
    public void Format_NoControlCharacters_RendersLikeTheInnerFormatter()
    {
        var text = Render(AppTemplate, "LLM call {Operation:l} in {LatencyMs}ms", ("Operation", new ScalarValue("Enhance")), ("LatencyMs", new ScalarValue(12L)));

        Assert.Equal("LLM call Enhance in 12ms" + Environment.NewLine, text);
    }

    private static string Render(string outputTemplate, string template, params (string Name, LogEventPropertyValue Value)[] properties)
    {
        var logEvent = new LogEvent(
            DateTimeOffset.UnixEpoch,
            LogEventLevel.Information,
            exception: null,
            new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, p.Value)));
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        new EscapingTextFormatter(new MessageTemplateTextFormatter(outputTemplate, CultureInfo.InvariantCulture)).Format(logEvent, output);
        return output.ToString();
    }

    private sealed class Labelled(string label)
    {
        public override string ToString() => label;
    }
}
