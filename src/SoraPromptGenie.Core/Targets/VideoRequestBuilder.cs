using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Core.Targets;

/// <summary>What the user chose: the prompt, a target id, and optional parameter values (defaults apply when omitted).</summary>
public sealed record VideoRequestInput(string Prompt, string Model, string? Size = null, string? Seconds = null);

/// <summary>
/// Either <see cref="Errors"/> (messages for people, each naming the field) or a ready request: <see cref="Body"/>
/// in wire order with every value a string, and an equivalent <see cref="Curl"/> command. <see cref="Target"/> is
/// set whenever the model was recognised, so callers can show its status even when a value was rejected.
/// </summary>
public sealed record VideoRequestResult(
    IReadOnlyList<string> Errors,
    TargetProfile? Target,
    IReadOnlyDictionary<string, string>? Body,
    string? Curl)
{
    [MemberNotNullWhen(true, nameof(Target), nameof(Body), nameof(Curl))]
    public bool Succeeded => Errors.Count == 0 && Target is not null && Body is not null && Curl is not null;
}

/// <summary>Validates a <see cref="VideoRequestInput"/> against its target profile and builds the request to send.</summary>
public sealed class VideoRequestBuilder(TargetCatalog catalog)
{
    private const string Continuation = " \\\n  ";

    private static readonly JsonWriterOptions BodyJsonOptions = new()
    {
        // The body is shown and pasted into a terminal, never embedded in HTML, so readable text beats \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public VideoRequestResult Build(VideoRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();

        var prompt = input.Prompt?.Trim() ?? "";
        if (prompt.Length == 0)
        {
            errors.Add("Prompt is empty; write the shot description before exporting a request.");
        }
        else if (PromptCharacters.IndexOfUnsafe(prompt) is var unsafeAt and >= 0)
        {
            errors.Add($"Prompt contains control character {PromptCharacters.Describe(prompt[unsafeAt])}, which the request and its "
                + "curl command must not carry (a terminal would act on it when the command is pasted); remove it.");
        }

        var target = catalog.Find(input.Model);
        if (target is null)
        {
            var choose = $"choose {JoinOr(catalog.Ids)}";
            errors.Add(string.IsNullOrWhiteSpace(input.Model)
                ? $"Model is required; {choose}."
                : $"Model {input.Model.Trim()} is not a known target; {choose}.");
            return new VideoRequestResult(errors, null, null, null);
        }

        var body = new OrderedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = target.Id,
            ["prompt"] = prompt,
        };
        (string Name, string? Value)[] supplied = [("size", input.Size), ("seconds", input.Seconds)];
        foreach (var (name, value) in supplied)
        {
            if (!string.IsNullOrWhiteSpace(value) && target.FindParameter(name) is null)
            {
                errors.Add($"{Capitalize(name)} is not a parameter of {target.Id}; leave it empty.");
            }
        }

        foreach (var parameter in target.Parameters)
        {
            var value = Array.Find(supplied, s => string.Equals(s.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                body[parameter.Name] = parameter.Default;
                continue;
            }

            var allowed = parameter.Allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
            if (allowed is null)
            {
                errors.Add($"{Capitalize(parameter.Name)} {value} is not available for {target.Id}; choose {JoinOr(parameter.Allowed)}.");
                continue;
            }

            body[parameter.Name] = allowed;
        }

        if (errors.Count > 0)
        {
            return new VideoRequestResult(errors, target, null, null);
        }

        try
        {
            return new VideoRequestResult([], target, body, ToCurl(target, body));
        }
        catch (UnsafeShellTextException unsafeText)
        {
            // The checks above cover every free-text value; this keeps a future field from ever reaching a terminal.
            return new VideoRequestResult([unsafeText.Message], target, null, null);
        }
    }

    internal static string ToCurl(TargetProfile target, IReadOnlyDictionary<string, string> body)
    {
        var lines = new List<string>
        {
            $"curl {ShellQuoting.QuoteIfNeeded(target.RequestUrl.AbsoluteUri)}",
        };
        if (!string.Equals(target.Method, "POST", StringComparison.Ordinal))
        {
            lines.Add($"-X {target.Method}");
        }

        // Double quotes so the shell expands the key variable; its name is validated as an identifier.
        lines.Add($"-H \"Authorization: Bearer ${target.ApiKeyVariable}\"");

        if (string.Equals(target.Encoding, TargetEncoding.Json, StringComparison.Ordinal))
        {
            lines.Add("-H \"Content-Type: application/json\"");
            lines.Add($"--data-raw {ShellQuoting.SingleQuote(ToJson(body))}");
        }
        else
        {
            foreach (var (name, value) in body)
            {
                lines.Add(FormField(name, value, literal: name == "prompt"));
            }
        }

        return string.Join(Continuation, lines);
    }

    /// <summary>
    /// curl's <c>-F</c> reads a value starting with <c>@</c> or <c>&lt;</c> as a file and parses <c>;type=</c> inside
    /// it, so free text (the prompt, or any value that is not a plain word) goes through <c>--form-string</c>, which
    /// sends the value literally.
    /// </summary>
    internal static string FormField(string name, string value, bool literal)
    {
        var plain = !literal && value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
        return plain
            ? $"-F {ShellQuoting.QuoteIfNeeded($"{name}={value}")}"
            : $"--form-string {ShellQuoting.QuoteIfNeeded(name + "=")}{ShellQuoting.SingleQuote(value)}";
    }

    internal static string ToJson(IReadOnlyDictionary<string, string> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, BodyJsonOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in body)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    internal static string JoinOr(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}",
        };
    }

    private static string Capitalize(string name) =>
        name.Length == 0 ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));
}
