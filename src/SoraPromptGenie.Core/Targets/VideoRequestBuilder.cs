using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Core.Targets;

/// <summary>What the user chose for a Sora-shaped export: the prompt, a target id, and optional size and seconds.</summary>
public sealed record VideoRequestInput(string Prompt, string Model, string? Size = null, string? Seconds = null);

/// <summary>
/// The Sora-shaped answer: either <see cref="Errors"/> (messages for people, each naming the field) or a ready request:
/// <see cref="Body"/> in wire order with every value a string, and an equivalent <see cref="Curl"/> command.
/// <see cref="Target"/> is set whenever the model was recognised, so callers can show its <see cref="Status"/> even when a
/// value was rejected.
/// </summary>
public sealed record VideoRequestResult(
    IReadOnlyList<string> Errors,
    TargetProfile? Target,
    IReadOnlyDictionary<string, string>? Body,
    string? Curl,
    string? Status = null)
{
    [MemberNotNullWhen(true, nameof(Target), nameof(Body), nameof(Curl), nameof(Status))]
    public bool Succeeded => Errors.Count == 0 && Target is not null && Body is not null && Curl is not null && Status is not null;
}

/// <summary>A request to any target with an API: the prompt, parameters by the API's own names, and what to leave out.</summary>
public sealed record VideoExportInput(
    string? Target,
    string? Prompt,
    IReadOnlyDictionary<string, string?>? Parameters = null,
    string? NegativePrompt = null);

/// <summary>The command that asks for the result of an async create call, and where the result is once done.</summary>
public sealed record VideoPollCommand(string Method, string Url, string Curl, string Id, string Done, string? Result);

/// <summary>
/// A ready request: the key appears in <see cref="Headers"/> and <see cref="Curl"/> only as <c>$VARIABLE</c>, never a value;
/// <see cref="Url"/> may read a project or region from the environment the same way.
/// </summary>
public sealed record VideoExport(
    TargetProfile Target,
    string Status,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    JsonObject Body,
    string Encoding,
    string Curl,
    VideoPollCommand? Poll,
    string? Result,
    IReadOnlyList<string> Warnings);

public sealed record VideoExportResult(IReadOnlyList<string> Errors, TargetProfile? Target, VideoExport? Export)
{
    [MemberNotNullWhen(true, nameof(Export))]
    public bool Succeeded => Errors.Count == 0 && Export is not null;
}

/// <summary>
/// Validates a prompt and parameters against a target profile and builds the request to send: the body in the target's
/// own shape, its headers and an equivalent curl command that is safe to paste into a POSIX shell, and for an async API
/// the command that polls for the result.
/// </summary>
public sealed class VideoRequestBuilder(TargetCatalog catalog)
{
    private const string Continuation = " \\\n  ";

    private static readonly JsonSerializerOptions BodyJsonOptions = new()
    {
        // The body is shown and pasted into a terminal, never embedded in HTML, so readable text beats \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] NegationStarts = ["no ", "not ", "never ", "don't ", "do not ", "without "];

    /// <summary>Builds the request for any target with an API (<see cref="TargetProfile.Request"/>).</summary>
    public VideoExportResult Export(VideoExportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();
        var prompt = CheckPrompt(input.Prompt, errors);
        var target = catalog.Find(input.Target);
        if (target is null)
        {
            var choose = $"choose {Phrases.JoinOr(catalog.Ids)}";
            errors.Add(string.IsNullOrWhiteSpace(input.Target)
                ? $"target is required; {choose}."
                : $"target {input.Target.Trim()} is not a known target; {choose}.");
            return new VideoExportResult(errors, null, null);
        }

        if (target.Request is null)
        {
            errors.Add($"target {target.Id} has no API to send a request to (its guidance is in GET /api/targets); choose "
                + $"{Phrases.JoinOr(catalog.All.Where(t => t.Request is not null).Select(t => t.Id))}.");
            return new VideoExportResult(errors, target, null);
        }

        var negative = input.NegativePrompt?.Trim();
        if (negative is not null && PromptCharacters.IndexOfUnsafe(negative) is var unsafeAt and >= 0)
        {
            errors.Add($"negativePrompt contains control character {PromptCharacters.Describe(negative[unsafeAt])}; remove it.");
        }

        var export = Compose(target, prompt, input.Parameters ?? new Dictionary<string, string?>(), negative, errors);
        return new VideoExportResult(errors, target, export);
    }

    /// <summary>
    /// The export with <paramref name="body"/> in place of its body (fields the profile's parameters do not cover, such as a
    /// list of shots) and its curl command built again from it, under the same quoting rules.
    /// </summary>
    public static VideoExport WithBody(VideoExport export, JsonObject body, IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(body);
        var request = export.Target.Request!;
        return export with
        {
            Body = body,
            Curl = ToCurl(request.Method, request.Url, export.Headers, request.Encoding, body, FreeTextFields(export.Target)),
            Warnings = [.. export.Warnings, .. warnings],
        };
    }

    /// <summary>
    /// The Sora-shaped export behind <c>POST /api/sora-request</c>: the targets whose request is a flat body of string fields
    /// taking at most <c>size</c> and <c>seconds</c>, built by the same code as every other target.
    /// </summary>
    public VideoRequestResult Build(VideoRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();
        var prompt = CheckPrompt(input.Prompt, errors);
        var candidates = SoraShapedTargets;
        var target = catalog.Find(input.Model) is { } found && candidates.Contains(found) ? found : null;
        if (target is null)
        {
            var choose = $"choose {Phrases.JoinOr(candidates.Select(t => t.Id))}";
            errors.Add(string.IsNullOrWhiteSpace(input.Model)
                ? $"Model is required; {choose}."
                : $"Model {input.Model.Trim()} is not a known target; {choose}.");
            return new VideoRequestResult(errors, null, null, null);
        }

        var supplied = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in new[] { ("size", input.Size), ("seconds", input.Seconds) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (target.FindParameter(name) is null)
            {
                errors.Add($"{name} is not a parameter of {target.Id}; leave it empty.");
                continue;
            }

            supplied[name] = value;
        }

        var export = Compose(target, prompt, supplied, negative: null, errors);
        var messages = errors.Select(Capitalize).ToList();
        if (export is null || messages.Count > 0)
        {
            return new VideoRequestResult(messages, target, null, null, catalog.StatusOf(target));
        }

        var body = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in export.Body)
        {
            body[name] = value!.GetValue<string>();
        }

        return new VideoRequestResult([], target, body, export.Curl, export.Status);
    }

    /// <summary>The targets <see cref="Build(VideoRequestInput)"/> accepts, in catalog order.</summary>
    public IReadOnlyList<TargetProfile> SoraShapedTargets => [.. catalog.All.Where(FitsSoraShape)];

    /// <summary>The status of <paramref name="target"/> today.</summary>
    public string StatusOf(TargetProfile target) => catalog.StatusOf(target);

    private static bool FitsSoraShape(TargetProfile target) =>
        target.Request is { } request
        && JsonBodyPath.IsTopLevel(request.PromptPath)
        && request.Body.All(field => field.Value?.GetValueKind() == JsonValueKind.String)
        && target.Parameters.All(p => p is { Type: TargetParameterType.Text, Required: false }
            && (p.Path == "size" || p.Path == "seconds"));

    private static string CheckPrompt(string? text, List<string> errors)
    {
        var prompt = text?.Trim() ?? "";
        if (prompt.Length == 0)
        {
            errors.Add("Prompt is empty; write the shot description before exporting a request.");
        }
        else if (PromptCharacters.IndexOfUnsafe(prompt) is var unsafeAt and >= 0)
        {
            errors.Add($"Prompt contains control character {PromptCharacters.Describe(prompt[unsafeAt])}, which the request and its "
                + "curl command must not carry (a terminal would act on it when the command is pasted); remove it.");
        }

        return prompt;
    }

    /// <summary>Checks the values against the profile and builds the export; null when <paramref name="errors"/> holds any.</summary>
    private VideoExport? Compose(
        TargetProfile target, string prompt, IReadOnlyDictionary<string, string?> supplied, string? negative, List<string> errors)
    {
        var request = target.Request!;
        var warnings = new List<string>();
        var values = ChooseValues(target, supplied, errors, warnings);

        if (!string.IsNullOrEmpty(negative) && target.Negatives is { } negatives)
        {
            if (negatives.Mode == NegativeMode.Fold)
            {
                prompt = FoldNegatives(prompt, negative);
                warnings.Add($"{target.Id} has no negative-prompt field, so negativePrompt was written into the prompt as \"No ...\" sentences.");
            }
            else if (negatives.Mode == NegativeMode.Avoid)
            {
                warnings.Add($"negativePrompt was left out: {negatives.Advice}");
            }
        }

        if (prompt.Length > 0)
        {
            CheckLimit(target, prompt, errors, warnings);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var body = (JsonObject)request.Body.DeepClone();
        JsonBodyPath.Set(body, request.PromptPath, JsonValue.Create(prompt));
        foreach (var parameter in target.Parameters)
        {
            if (values.TryGetValue(parameter.Name, out var value))
            {
                JsonBodyPath.Set(body, parameter.Path, Typed(parameter, value));
                if (!parameter.Verified)
                {
                    warnings.Add($"The values of {parameter.Name} come from unofficial sources (unverified).");
                }
            }
        }

        if (!string.IsNullOrEmpty(negative) && target.Negatives is { Mode: NegativeMode.Field, Path: { } negativePath })
        {
            JsonBodyPath.Set(body, negativePath, JsonValue.Create(negative));
        }

        var status = catalog.StatusOf(target);
        warnings.InsertRange(0, StatusWarnings(target, status));
        var headers = Headers(request);
        try
        {
            return new VideoExport(
                target,
                status,
                request.Method,
                ShellUrl(request.Url),
                headers,
                body,
                request.Encoding,
                ToCurl(request.Method, request.Url, headers, request.Encoding, body, FreeTextFields(target)),
                PollCommand(target, headers),
                target.Flow?.Mode == FlowMode.Sync ? target.Flow.Result : null,
                warnings);
        }
        catch (UnsafeShellTextException unsafeText)
        {
            // The checks above cover every free-text value; this keeps a future field from ever reaching a terminal.
            errors.Add(unsafeText.Message);
            return null;
        }
    }

    /// <summary>The value of each parameter that goes into the body: given, else its default, else what a rule needs.</summary>
    private static Dictionary<string, string> ChooseValues(
        TargetProfile target, IReadOnlyDictionary<string, string?> supplied, List<string> errors, List<string> warnings)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in supplied)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var (parameter, allowed, problem) = target.ResolveParameter(name, value);
            if (problem is not null)
            {
                errors.Add(problem);
                continue;
            }

            values[parameter!.Name] = allowed!;
        }

        foreach (var parameter in target.Parameters.Where(p => p.Default is not null))
        {
            values.TryAdd(parameter.Name, parameter.Default!);
        }

        foreach (var rule in target.Rules)
        {
            if (!values.TryGetValue(rule.When, out var when) || !rule.HoldsFor(when))
            {
                continue;
            }

            if (!values.TryGetValue(rule.Then, out var then))
            {
                if (rule.MustBe is [var only])
                {
                    values[rule.Then] = only;
                    warnings.Add($"{rule.Then} was set to {only}: {target.Id} takes {rule.When} {when} only with {rule.Then} {only}.");
                }
            }
            else if (!rule.MustBe.Contains(then, StringComparer.Ordinal))
            {
                errors.Add($"{rule.Then} {then} is not available with {rule.When} {when} on {target.Id}; choose {Phrases.JoinOr(rule.MustBe)}.");
            }
        }

        foreach (var parameter in target.Parameters.Where(p => p.Required && !values.ContainsKey(p.Name)))
        {
            errors.Add($"{parameter.Name} is required by {target.Id}; choose {Phrases.JoinOr(parameter.Values)}.");
        }

        return values;
    }

    private static JsonValue Typed(TargetParameter parameter, string value) => parameter.Type switch
    {
        TargetParameterType.WholeNumber => JsonValue.Create(long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        TargetParameterType.TrueOrFalse => JsonValue.Create(bool.Parse(value)),
        _ => JsonValue.Create(value),
    };

    /// <summary>
    /// Writes each negative as a short sentence after the prompt, as the guides of targets without a negative field advise
    /// ("No dialogue."): "text, watermarks" becomes "No text. No watermarks."; a phrase that already negates is kept.
    /// </summary>
    internal static string FoldNegatives(string prompt, string negative)
    {
        var sentences = negative
            .Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.TrimEnd('.', ' '))
            .Where(item => item.Length > 0)
            .Select(item => NegationStarts.Any(start => item.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                ? Capitalize(item) + "."
                : "No " + item + ".")
            .ToList();
        return sentences.Count == 0 ? prompt : prompt + "\n\n" + string.Join(" ", sentences);
    }

    private static void CheckLimit(TargetProfile target, string prompt, List<string> errors, List<string> warnings)
    {
        if (target.PromptLimit is not { } limit)
        {
            return;
        }

        var unit = PromptLimitUnit.Name(limit.Unit);
        var count = limit.Measure(prompt);
        var size = limit.Unit == PromptLimitUnit.Tokens
            ? string.Create(CultureInfo.InvariantCulture, $"about {count:N0} {unit} (estimated at {PromptLimitUnit.CharactersPerToken} characters a token)")
            : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {unit}");
        var most = string.Create(CultureInfo.InvariantCulture, $"{target.Id} takes at most {limit.Max:N0} {unit}");
        if (count > limit.Max)
        {
            if (limit.Verified)
            {
                errors.Add($"prompt is {size}; {most}. Shorten it.");
            }
            else
            {
                warnings.Add($"prompt is {size}; {most} according to an unofficial source (unverified).");
            }
        }
        else if (limit.Unit == PromptLimitUnit.Tokens && prompt.Length > limit.Max)
        {
            warnings.Add($"prompt is {size}; {most}, so a prompt of many short tokens may be refused.");
        }
    }

    private static IEnumerable<string> StatusWarnings(TargetProfile target, string status)
    {
        if (status == TargetStatus.Retired)
        {
            var date = (target.RetiredOn ?? target.RetiresOn)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return $"{target.Id} is retired (since {date}): {target.Provider} may no longer serve {target.Model}.";
        }
        else if (status == TargetStatus.Deprecated)
        {
            yield return $"{target.Id} retires on {target.RetiresOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.";
        }

        if (!target.Verified)
        {
            yield return $"{target.Id} is unverified: its request follows unofficial sources; check it against {target.Provider}'s own reference.";
        }
    }

    private static OrderedDictionary<string, string> Headers(TargetRequest request)
    {
        var headers = new OrderedDictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [request.Auth.Header] = request.Auth.Scheme is { } scheme ? $"{scheme} ${request.Auth.Variable}" : $"${request.Auth.Variable}",
        };
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        if (request.Encoding == TargetEncoding.Json)
        {
            headers["Content-Type"] = TargetEncoding.Json;
        }

        return headers;
    }

    private static VideoPollCommand? PollCommand(TargetProfile target, IReadOnlyDictionary<string, string> createHeaders)
    {
        if (target.Flow is not { Mode: FlowMode.Poll, Poll: { } poll } flow)
        {
            return null;
        }

        var headers = createHeaders.Where(h => poll.Body is not null || h.Key != "Content-Type")
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new VideoPollCommand(
            poll.Method,
            ShellUrl(poll.Url),
            ToCurl(poll.Method, poll.Url, headers, TargetEncoding.Json, poll.Body),
            flow.Id!,
            flow.Done!,
            flow.Result);
    }

    private static string[] FreeTextFields(TargetProfile target) =>
        target.Negatives is { Mode: NegativeMode.Field, Path: { } negative } ? [target.Request!.PromptPath, negative] : [target.Request!.PromptPath];

    /// <summary>The URL as shown in a response: a <c>{VARIABLE}</c> placeholder reads as the shell variable <c>${VARIABLE}</c>.</summary>
    private static string ShellUrl(string url) => TargetProfileRules.UrlPlaceholderPattern.Replace(url, m => "$" + m.Value);

    /// <summary>
    /// The curl command. Free text only ever appears single-quoted; <c>{VARIABLE}</c> placeholders are read from the
    /// environment only in the URL and in a poll body, which are profile data, never in a body that carries the prompt.
    /// </summary>
    private static string ToCurl(
        string method, string url, IReadOnlyDictionary<string, string> headers, string encoding, JsonObject? body,
        IReadOnlyCollection<string>? freeTextFields = null)
    {
        var lines = new List<string> { $"curl {ShellQuoting.WithVariables(url)}" };
        var defaultMethod = body is null ? "GET" : "POST";
        if (!string.Equals(method, defaultMethod, StringComparison.Ordinal))
        {
            lines.Add($"-X {method}");
        }

        // Double quotes so the shell expands the key variable; header names, values and variables are validated as plain.
        lines.AddRange(headers.Select(header => $"-H \"{header.Key}: {header.Value}\""));

        if (body is not null && string.Equals(encoding, TargetEncoding.Json, StringComparison.Ordinal))
        {
            var json = ToJson(body);
            lines.Add($"--data-raw {(freeTextFields is null ? ShellQuoting.WithVariables(json) : ShellQuoting.SingleQuote(json))}");
        }
        else if (body is not null)
        {
            lines.AddRange(body.Select(field => FormField(field.Key, field.Value!.GetValue<string>(), literal: freeTextFields?.Contains(field.Key) ?? true)));
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

    internal static string ToJson(JsonNode body) => body.ToJsonString(BodyJsonOptions);

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
