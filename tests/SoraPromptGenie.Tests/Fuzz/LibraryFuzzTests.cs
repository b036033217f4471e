using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using SoraPromptGenie.Tests.Library;

namespace SoraPromptGenie.Tests.Fuzz;

/// <summary>
/// Hostile bodies and query strings against the library on each database provider: PostgreSQL refuses some text SQLite
/// stores (a NUL character), and the two treat out-of-range offsets differently, so both run the same cases. Whatever
/// arrives, the answer is never a 5xx and an error is always the documented <c>{error, code, requestId}</c> shape.
/// </summary>
public abstract class LibraryFuzzTests<TFactory>(TFactory factory)
    where TFactory : LibraryAppFactory
{
    private const int Iterations = 2_000;
    private const int Spread = 20;

    private static readonly HashSet<string> DocumentedCodes =
    [
        "validation_failed", "invalid_json", "payload_too_large", "unsupported_media_type", "rate_limited", "not_found",
        "method_not_allowed", "unauthorized", "precondition_failed", "precondition_required",
    ];

    private static readonly JsonObject PromptTemplate = JsonNode.Parse(
        """{"title":"Harbor at dawn","text":"A slow dolly over a misty harbor at dawn.","model":"sora-2","size":"1280x720","seconds":"8"}""")!.AsObject();

    /// <summary>Query values that have broken paging or search: NUL, the largest int, numbers past it, text, emptiness.</summary>
    private static readonly string[] QueryValues =
    [
        "1", "2", "0", "-1", "100", "101", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1e3", "0x10",
        " 3", "", "%00", "a%00b", "%25", "_", "\\", "%C3%28", "%ED%A0%80", "%EF%BF%BF", "fox", "%F0%9F%98%80",
    ];

    /// <summary>Spread over workspaces, so the bodies keep reaching the database instead of the prompt cap.</summary>
    [Fact]
    public async Task PostPrompt_GeneratedBodies_NeverServerErrorAlwaysDocumentedError()
    {
        using var client = factory.CreateClient();
        var keys = new List<string>();
        for (var i = 0; i < Spread; i++)
        {
            keys.Add((await client.CreateWorkspaceAsync()).Key);
        }

        await Bodies().SampleAsync(
            body => SendAndCheckAsync(client, HttpMethod.Post, "/api/prompts", keys[Pick(body.Seed)], FuzzBodies.Build(PromptTemplate, body.Kind, body.Seed)),
            iter: Iterations,
            threads: 4);
    }

    /// <summary>Spread over prompts, so the bodies keep reaching the database instead of the version cap.</summary>
    [Fact]
    public async Task PutPrompt_GeneratedBodies_NeverServerErrorAlwaysDocumentedError()
    {
        using var client = factory.CreateClient();
        var key = (await client.CreateWorkspaceAsync()).Key;
        var prompts = new List<Guid>();
        for (var i = 0; i < Spread; i++)
        {
            prompts.Add((await client.CreatePromptAsync(key, "Harbor", "A slow dolly over a misty harbor at dawn.")).Id);
        }

        await Bodies().SampleAsync(
            body => SendAndCheckAsync(client, HttpMethod.Put, $"/api/prompts/{prompts[Pick(body.Seed)]}", key, FuzzBodies.Build(PromptTemplate, body.Kind, body.Seed), ifMatch: "*"),
            iter: Iterations,
            threads: 4);
    }

    private static int Pick(int seed) => (int)((uint)seed % Spread);

    [Fact]
    public async Task ListPromptsAndVersions_GeneratedQueries_NeverServerErrorAlwaysDocumentedError()
    {
        using var client = factory.CreateClient();
        var key = (await client.CreateWorkspaceAsync()).Key;
        var prompt = await client.CreatePromptAsync(key, "Harbor", "A slow dolly over a misty harbor at dawn.");
        var values = Gen.Int[0, QueryValues.Length - 1];
        var queries = Gen.Select(values, values, values, Gen.Int[0, 3], (page, size, q, route) => (page, size, q, route));

        await queries.SampleAsync(
            query =>
            {
                var path = query.route == 0 ? $"/api/prompts/{prompt.Id}/versions" : "/api/prompts";
                var url = $"{path}?page={QueryValues[query.page]}&pageSize={QueryValues[query.size]}&q={QueryValues[query.q]}";
                return SendAndCheckAsync(client, HttpMethod.Get, url, key, body: null);
            },
            iter: Iterations,
            threads: 4);
    }

    private static Gen<(int Kind, int Seed)> Bodies() =>
        Gen.Select(Gen.Int[0, FuzzBodies.Kinds - 1], Gen.Int, (kind, seed) => (Kind: kind, Seed: seed));

    private static async Task SendAndCheckAsync(HttpClient client, HttpMethod method, string url, string key, byte[]? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var sent = body is null ? string.Empty : " " + Encoding.UTF8.GetString(body);
        sent = sent[..Math.Min(sent.Length, 300)];

        Assert.True(status < 500, $"{method} {url}{sent} answered {status}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        if (status >= 400)
        {
            var code = json.RootElement.GetProperty("code").GetString();
            Assert.True(code is not null && DocumentedCodes.Contains(code), $"{method} {url} answered {status} with code '{code}'");
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("requestId").GetString()));
        }
    }
}

public sealed class LibraryFuzzSqliteTests(SqliteAppFactory factory)
    : LibraryFuzzTests<SqliteAppFactory>(factory), IClassFixture<SqliteAppFactory>;

public sealed class LibraryFuzzPostgresTests(PostgresAppFactory factory)
    : LibraryFuzzTests<PostgresAppFactory>(factory), IClassFixture<PostgresAppFactory>;
