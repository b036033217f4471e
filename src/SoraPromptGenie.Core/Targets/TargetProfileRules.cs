using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SoraPromptGenie.Core.Targets;

/// <summary>
/// The rules target profiles are checked against when the catalog loads: what the export relies on (a request it can
/// build, values it can check, a curl command it can quote) and that every fact names a known source.
/// </summary>
internal static partial class TargetProfileRules
{
    private static readonly string[] Methods = ["POST", "PUT", "PATCH", "GET"];

    public static IReadOnlyList<string> Check(IReadOnlyList<TargetSource> sources, IReadOnlyList<TargetProfile> profiles)
    {
        var problems = new List<string>();
        var keys = CheckSources(sources, problems);
        if (profiles.Count == 0)
        {
            problems.Add("At least one target profile is required.");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in profiles)
        {
            var id = profile.Id;
            if (string.IsNullOrWhiteSpace(id) || !IdPattern.IsMatch(id))
            {
                problems.Add($"Target id '{id}' must be a lowercase slug (letters, digits, '.', '-').");
            }
            else if (!ids.Add(id))
            {
                problems.Add($"Duplicate target id '{id}'.");
            }

            new ProfileCheck(profile, keys, sources, problems).Run();
        }

        return problems;
    }

    /// <summary>The source keys a fact's source may name: <c>key</c>, <c>key locator</c>, several joined by <c>;</c>.</summary>
    public static IEnumerable<string> KeysOf(string? source) =>
        (source ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split(' ', 2)[0]);

    private static HashSet<string> CheckSources(IReadOnlyList<TargetSource> sources, List<string> problems)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (string.IsNullOrWhiteSpace(source.Key) || !SourceKeyPattern.IsMatch(source.Key) || !keys.Add(source.Key))
            {
                problems.Add($"Source key '{source.Key}' must be a unique lowercase slug.");
            }

            if (string.IsNullOrWhiteSpace(source.Title))
            {
                problems.Add($"Source '{source.Key}' needs a title.");
            }

            if (source.Url is { } url && (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"Source '{source.Key}' url must be an absolute https URL.");
            }
        }

        return keys;
    }

    private sealed class ProfileCheck(TargetProfile profile, HashSet<string> keys, IReadOnlyList<TargetSource> sources, List<string> problems)
    {
        private string Id => profile.Id;

        public void Run()
        {
            Require(profile.DisplayName, "a display name");
            Require(profile.Provider, "a provider");
            Require(profile.Api, "an api");
            if (profile.Guidance.Count == 0)
            {
                problems.Add($"Target '{Id}' needs at least one guidance bullet.");
            }

            foreach (var fact in profile.Guidance.Concat(profile.Unverified))
            {
                Require(fact.Text, "text on every guidance and unverified bullet");
                Sourced(fact.Source, $"bullet '{fact.Text}'");
            }

            if (profile.RetiredOn is not null || profile.RetiresOn is not null)
            {
                Sourced(profile.StatusSource, "its status dates");
            }

            if (profile.RetiredOn is { } retired && profile.RetiresOn is { } retires && retires > retired)
            {
                problems.Add($"Target '{Id}' retiresOn is after retiredOn.");
            }

            if (profile.Negatives is { } negatives)
            {
                CheckNegatives(negatives);
            }

            CheckStoryboard();
            if (profile.Request is null)
            {
                if (profile.Parameters.Count > 0 || profile.Flow is not null || profile.Audio is not null || profile.PromptLimit is not null)
                {
                    problems.Add($"Target '{Id}' has no request, so it cannot have parameters, audio, a prompt limit or a flow.");
                }

                return;
            }

            CheckRequest(profile.Request);
            CheckParameters(profile.Request);
            CheckRules();
            CheckLimit();
            CheckAudio();
            CheckFlow();
        }

        private void CheckRequest(TargetRequest request)
        {
            Require(profile.Model, "a model id");
            if (!Methods.Contains(request.Method, StringComparer.Ordinal))
            {
                problems.Add($"Target '{Id}' method '{request.Method}' must be one of {string.Join(", ", Methods)}.");
            }

            CheckUrl(request.Url, "url");
            if (!TargetEncoding.All.Contains(request.Encoding, StringComparer.Ordinal))
            {
                problems.Add($"Target '{Id}' has unsupported encoding '{request.Encoding}'; use {string.Join(" or ", TargetEncoding.All)}.");
            }

            if (!HeaderNamePattern.IsMatch(request.Auth.Header ?? string.Empty) || (request.Auth.Scheme is { } scheme && !HeaderNamePattern.IsMatch(scheme)))
            {
                problems.Add($"Target '{Id}' auth header '{request.Auth.Header}' and scheme must be header tokens.");
            }

            if (!VariablePattern.IsMatch(request.Auth.Variable ?? string.Empty))
            {
                problems.Add($"Target '{Id}' auth variable '{request.Auth.Variable}' is not a valid environment variable name.");
            }

            foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
            {
                if (!HeaderNamePattern.IsMatch(name) || !HeaderValuePattern.IsMatch(value))
                {
                    problems.Add($"Target '{Id}' header '{name}: {value}' must be a header token and a plain value.");
                }
            }

            if (!JsonBodyPath.IsValid(request.PromptPath))
            {
                problems.Add($"Target '{Id}' promptPath '{request.PromptPath}' is not a body path.");
            }

            if (request.Encoding == TargetEncoding.MultipartForm
                && (!JsonBodyPath.IsTopLevel(request.PromptPath ?? string.Empty)
                    || request.Body.Any(field => field.Value?.GetValueKind() != JsonValueKind.String)))
            {
                problems.Add($"Target '{Id}' sends a form: its body and prompt must be top-level string fields.");
            }

            if (profile.Model is { } model && !request.Url.Contains(model, StringComparison.Ordinal)
                && !request.Body.ToJsonString().Contains(JsonSerializer.Serialize(model), StringComparison.Ordinal))
            {
                problems.Add($"Target '{Id}' model '{model}' appears neither in its url nor in its body.");
            }

            Sourced(request.Source, "its request");
            if (profile.Verified && !KeysOf(request.Source).All(key => sources.Any(s => s.Key == key && s.Official)))
            {
                problems.Add($"Target '{Id}' is marked verified, but its request cites a source that is not official.");
            }
        }

        private void CheckParameters(TargetRequest request)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { JsonBodyPath.LastName(request.PromptPath ?? "prompt") };
            foreach (var parameter in profile.Parameters)
            {
                if (!JsonBodyPath.IsValid(parameter.Path) || !names.Add(parameter.Name))
                {
                    problems.Add($"Target '{Id}' parameter '{parameter.Path}' needs a body path whose name is unique and not the prompt's.");
                    continue;
                }

                var label = $"Target '{Id}' parameter '{parameter.Name}'";
                if (!TargetParameterType.All.Contains(parameter.Type, StringComparer.Ordinal))
                {
                    problems.Add($"{label} has unknown type '{parameter.Type}'; use {string.Join(", ", TargetParameterType.All)}.");
                    continue;
                }

                if (parameter.Type == TargetParameterType.TrueOrFalse ? parameter.Allowed is { Count: > 0 } : parameter.Allowed is not { Count: > 0 })
                {
                    problems.Add($"{label} needs a list of allowed values (a boolean has none).");
                    continue;
                }

                var values = parameter.Values;
                if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Any(char.IsControl)))
                {
                    problems.Add($"{label} lists an empty value.");
                }
                else if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Count)
                {
                    problems.Add($"{label} lists an allowed value twice.");
                }

                if (parameter.Type == TargetParameterType.WholeNumber && values.Any(v => !long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
                {
                    problems.Add($"{label} is an integer, but an allowed value is not.");
                }

                if (parameter.Default is { } value && !values.Contains(value, StringComparer.Ordinal))
                {
                    problems.Add($"{label} default '{value}' is not an allowed value.");
                }

                if (parameter.Required && parameter.Default is not null)
                {
                    problems.Add($"{label} is required, so it has no default.");
                }

                if (request.Encoding == TargetEncoding.MultipartForm && (parameter.Type != TargetParameterType.Text || !JsonBodyPath.IsTopLevel(parameter.Path)))
                {
                    problems.Add($"{label}: a form takes top-level string fields only.");
                }

                Sourced(parameter.Source, $"parameter '{parameter.Name}'");
                if (parameter.Verified && !KeysOf(parameter.Source).Any(key => sources.Any(s => s.Key == key && s.Official)))
                {
                    problems.Add($"{label} is marked verified, but cites no official source.");
                }
            }
        }

        private void CheckRules()
        {
            foreach (var rule in profile.Rules)
            {
                var when = profile.FindParameter(rule.When);
                var then = profile.FindParameter(rule.Then);
                if (when is null || then is null
                    || rule.Is.Count == 0 || rule.MustBe.Count == 0
                    || !rule.Is.All(v => when.Values.Contains(v, StringComparer.Ordinal))
                    || !rule.MustBe.All(v => then.Values.Contains(v, StringComparer.Ordinal)))
                {
                    problems.Add($"Target '{Id}' rule {rule.When} -> {rule.Then} must name two parameters and values they allow.");
                }

                Sourced(rule.Source, $"rule {rule.When} -> {rule.Then}");
            }
        }

        private void CheckLimit()
        {
            if (profile.PromptLimit is not { } limit)
            {
                return;
            }

            if (limit.Max <= 0 || !PromptLimitUnit.All.Contains(limit.Unit, StringComparer.Ordinal))
            {
                problems.Add($"Target '{Id}' prompt limit needs a positive max and a unit of {string.Join(", ", PromptLimitUnit.All)}.");
            }

            Sourced(limit.Source, "its prompt limit");
        }

        private void CheckNegatives(TargetNegatives negatives)
        {
            if (!NegativeMode.All.Contains(negatives.Mode, StringComparer.Ordinal)
                || (negatives.Mode == NegativeMode.Field) != JsonBodyPath.IsValid(negatives.Path))
            {
                problems.Add($"Target '{Id}' negatives need a mode of {string.Join(", ", NegativeMode.All)}, and a body path exactly for mode field.");
            }

            Require(negatives.Advice, "advice on negatives");
            Sourced(negatives.Source, "its negatives");
        }

        private void CheckAudio()
        {
            if (profile.Audio is not { } audio)
            {
                problems.Add($"Target '{Id}' has a request, so it needs audio (mode {string.Join(", ", AudioMode.All)}).");
                return;
            }

            if (!AudioMode.All.Contains(audio.Mode, StringComparer.Ordinal)
                || (audio.Mode == AudioMode.Switch) != (audio.Parameter is not null && profile.FindParameter(audio.Parameter) is not null))
            {
                problems.Add($"Target '{Id}' audio needs a mode of {string.Join(", ", AudioMode.All)}, and a parameter of the profile exactly for mode switch.");
            }

            Require(audio.Advice, "advice on audio");
            Sourced(audio.Source, "its audio");
            if (profile.Negatives is null)
            {
                problems.Add($"Target '{Id}' has a request, so it needs negatives (mode {string.Join(", ", NegativeMode.All)}).");
            }
        }

        private void CheckStoryboard()
        {
            if (profile.Storyboard is not { } storyboard)
            {
                return;
            }

            Sourced(storyboard.Source, "its storyboard");
            if (!StoryboardMode.All.Contains(storyboard.Mode, StringComparer.Ordinal))
            {
                problems.Add($"Target '{Id}' storyboard mode '{storyboard.Mode}' must be one of {string.Join(", ", StoryboardMode.All)}.");
            }
            else if ((storyboard.Mode == StoryboardMode.ShotList) != (profile.Request is null))
            {
                problems.Add($"Target '{Id}' storyboard mode '{storyboard.Mode}' does not fit it: shot-list is for a target without a request, and only for one.");
            }
            else if (StoryboardMode.IsSingleRequest(storyboard.Mode) && storyboard.MaxTotalSeconds is not > 0)
            {
                problems.Add($"Target '{Id}' takes every shot in one request, so its storyboard needs a positive maxTotalSeconds.");
            }
            else if (storyboard.Mode == StoryboardMode.MultiPrompt && storyboard.MaxShots is not > 0)
            {
                problems.Add($"Target '{Id}' takes a list of shots, so its storyboard needs a positive maxShots.");
            }
        }

        private void CheckFlow()
        {
            if (profile.Flow is not { } flow)
            {
                problems.Add($"Target '{Id}' has a request, so it needs a flow ({string.Join(" or ", FlowMode.All)}).");
                return;
            }

            Sourced(flow.Source, "its flow");
            if (flow.Mode == FlowMode.Sync)
            {
                Require(flow.Result, "a sync flow's result");
                return;
            }

            if (flow.Mode != FlowMode.Poll || flow.Poll is not { } poll || !VariablePattern.IsMatch(flow.IdVariable ?? string.Empty))
            {
                problems.Add($"Target '{Id}' flow must be sync, or poll with a poll call and an idVariable.");
                return;
            }

            Require(flow.Id, "where the poll id comes from");
            Require(flow.Done, "when polling is done");
            if (!Methods.Contains(poll.Method, StringComparer.Ordinal))
            {
                problems.Add($"Target '{Id}' poll method '{poll.Method}' must be one of {string.Join(", ", Methods)}.");
            }

            CheckUrl(poll.Url, "poll url");
            var idPlaceholder = "{" + flow.IdVariable + "}";
            if (!poll.Url.Contains(idPlaceholder, StringComparison.Ordinal) && !(poll.Body?.ToJsonString().Contains(idPlaceholder, StringComparison.Ordinal) ?? false))
            {
                problems.Add($"Target '{Id}' poll call must carry {idPlaceholder}.");
            }
        }

        private void CheckUrl(string? url, string what)
        {
            var resolved = UrlPlaceholderPattern.Replace(url ?? string.Empty, "x");
            if (!UrlTextPattern.IsMatch(url ?? string.Empty)
                || !Uri.TryCreate(resolved, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"Target '{Id}' {what} '{url}' must be an https URL of plain characters and {{VARIABLE}} placeholders.");
            }
        }

        private void Require(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"Target '{Id}' needs {what}.");
            }
        }

        private void Sourced(string? source, string what)
        {
            var cited = KeysOf(source).ToList();
            if (cited.Count == 0)
            {
                problems.Add($"Target '{Id}' names no source for {what}.");
            }

            foreach (var key in cited.Where(k => !keys.Contains(k)))
            {
                problems.Add($"Target '{Id}' cites unknown source '{key}' for {what}.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern { get; }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceKeyPattern { get; }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex VariablePattern { get; }

    [GeneratedRegex("^[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNamePattern { get; }

    [GeneratedRegex("^[A-Za-z0-9._:/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderValuePattern { get; }

    /// <summary>Characters a URL may hold so that it stays literal inside double quotes in a shell.</summary>
    [GeneratedRegex(@"^(?:[A-Za-z0-9:/._~%+,;=?&@-]|\{[A-Za-z_][A-Za-z0-9_]*\})+$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlTextPattern { get; }

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}", RegexOptions.CultureInvariant)]
    internal static partial Regex UrlPlaceholderPattern { get; }
}
