using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Docs;

/// <summary>
/// docs/api.md and the served OpenAPI document agree on what each endpoint answers: every row of an endpoint table
/// (one with a <c>responses</c> column) lists exactly the statuses the document declares for that operation, and every
/// /api operation in the document has a row. Exact rather than "at least", so an undeclared status fails as much as a
/// declared one the docs do not give. Every declared error response carries the product's error body.
/// </summary>
public sealed partial class ApiResponsesDocTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Readiness answers 503 with its checks, the one non-2xx that is not the error body (docs/api.md says so).</summary>
    private const string Readiness = "GET /api/health/ready";

    [Fact]
    public void Doc_EndpointTables_AreFoundAtAll()
    {
        var documented = ReadDocumentedEndpoints();
        Assert.True(documented.Count >= 20, $"only {documented.Count} endpoint rows with a responses column in docs/api.md");
        Assert.Contains(documented, e => e.Key == "POST /api/enhance-prompt" && e.Statuses.SetEquals([200, 400, 401, 404, 412, 413, 415, 429, 502, 503, 504]));
        var duplicates = documented.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "docs/api.md has more than one row for: " + string.Join(", ", duplicates));
    }

    [Fact]
    public async Task OpenApi_EveryDocumentedEndpoint_DeclaresExactlyTheDocumentedStatuses()
    {
        var operations = await ReadOperationsAsync();

        var problems = new List<string>();
        foreach (var endpoint in ReadDocumentedEndpoints().Where(e => e.IsApi))
        {
            if (!operations.TryGetValue(endpoint.Key, out var operation))
            {
                problems.Add($"{endpoint.Key}: documented, but not in /openapi/v1.json");
                continue;
            }

            var declared = operation.Statuses;
            if (!declared.SetEquals(endpoint.Statuses))
            {
                problems.Add($"{endpoint.Key}: docs/api.md lists {Format(endpoint.Statuses)}, the OpenAPI document declares {Format(declared)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task OpenApi_EveryApiOperation_IsDocumented()
    {
        var operations = await ReadOperationsAsync();
        var documented = ReadDocumentedEndpoints().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var undocumented = operations.Keys.Where(key => !documented.Contains(key)).ToList();

        Assert.True(undocumented.Count == 0, "in /openapi/v1.json but without a row in docs/api.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public async Task OpenApi_EveryErrorResponse_HasTheErrorBody()
    {
        using var document = await ReadDocumentAsync();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var operations = await ReadOperationsAsync();

        var problems = new List<string>();
        foreach (var (key, operation) in operations.Where(o => o.Key != Readiness))
        {
            foreach (var response in operation.Responses.EnumerateObject().Where(r => int.Parse(r.Name, CultureInfo.InvariantCulture) >= 400))
            {
                var properties = response.Value.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.GetProperty("schema").TryGetProperty("$ref", out var reference)
                    && schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var schema)
                    && schema.TryGetProperty("properties", out var props)
                        ? props.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
                        : [];
                if (!properties.SetEquals(["error", "code", "requestId"]))
                {
                    problems.Add($"{key} {response.Name}: not the error body {{ error, code, requestId }}");
                }

                if (!ErrorCodeInDescription().IsMatch(response.Value.GetProperty("description").GetString() ?? string.Empty))
                {
                    problems.Add($"{key} {response.Name}: the description names no error code");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<JsonDocument> ReadDocumentAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The /api operations of the served document by <c>METHOD /path</c> (parameter names blanked).</summary>
    private async Task<Dictionary<string, DescribedOperation>> ReadOperationsAsync()
    {
        using var document = await ReadDocumentAsync();
        var operations = new Dictionary<string, DescribedOperation>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("responses", out _)))
            {
                var responses = operation.Value.GetProperty("responses").Clone();
                var statuses = responses.EnumerateObject().Select(r => int.Parse(r.Name, CultureInfo.InvariantCulture)).ToHashSet();
                operations.Add(KeyOf(operation.Name, path.Name), new DescribedOperation(statuses, responses));
            }
        }

        return operations;
    }

    private static List<DocumentedEndpoint> ReadDocumentedEndpoints()
    {
        var endpoints = new List<DocumentedEndpoint>();
        var responsesColumn = -1;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "api.md")))
        {
            if (!line.StartsWith('|'))
            {
                responsesColumn = -1;
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells[0] == "endpoint")
            {
                responsesColumn = Array.IndexOf(cells, "responses");
                continue;
            }

            if (responsesColumn < 0 || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var routes = Route().Matches(cells[0]);
            Assert.True(routes.Count == 1, $"docs/api.md: a row of an endpoint table names one endpoint: {line}");
            Assert.True(cells.Length > responsesColumn && StatusList().IsMatch(cells[responsesColumn]),
                $"docs/api.md: the responses cell is a comma list of statuses: {line}");
            var statuses = cells[responsesColumn].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
            endpoints.Add(new DocumentedEndpoint(KeyOf(routes[0].Groups["method"].Value, routes[0].Groups["path"].Value), statuses));
        }

        return endpoints;
    }

    private static string KeyOf(string method, string path) =>
        $"{method.ToUpperInvariant()} {RouteParameter().Replace(path.Split('?')[0], "{}")}";

    private static string Format(IEnumerable<int> statuses) => string.Join(", ", statuses.Order());

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SoraPromptGenie.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SoraPromptGenie.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|DELETE|PATCH) (?<path>/[^`\s]*)`")]
    private static partial Regex Route();

    [GeneratedRegex(@"^\d{3}(, \d{3})*$")]
    private static partial Regex StatusList();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("`[a-z_]+`")]
    private static partial Regex ErrorCodeInDescription();

    private sealed record DocumentedEndpoint(string Key, HashSet<int> Statuses)
    {
        public bool IsApi => Key.Split(' ')[1].StartsWith("/api", StringComparison.Ordinal);
    }

    private sealed record DescribedOperation(HashSet<int> Statuses, JsonElement Responses);
}
