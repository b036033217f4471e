using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SoraPromptGenie.Ai;
using SoraPromptGenie.Ai.Caching;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Logging;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Ops.Security;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Configuration;

/// <summary>
/// Startup checks by the operator's variable names: each bad value gives exactly one line that names the variable,
/// and no line ever echoes the API key.
/// </summary>
public sealed class ConfigurationValidationTests
{
    private const string Key = AppFactory.ApiKey;

    [Fact]
    public void LlmValidate_ProductionWithoutKey_OneLineNamingTheKeyVariable()
    {
        var problems = Validate(new() { ["OPENROUTER_MODEL"] = "test/model" }, Environments.Production);

        Assert.Equal(["OPENROUTER_API_KEY: is required in Production unless LLM_MODE=offline."], problems);
    }

    [Theory]
    [InlineData("Production", "offline")]
    [InlineData("Development", null)]
    [InlineData("Development", "auto")]
    public void LlmValidate_NoKeyButOfflineOrDevelopment_NoProblems(string environment, string? mode)
    {
        var problems = Validate(new() { ["LLM_MODE"] = mode }, environment);

        Assert.Empty(problems);
    }

    [Fact]
    public void LlmValidate_OpenRouterModeWithoutKey_NamesTheKeyVariable()
    {
        var problems = Validate(new() { ["LLM_MODE"] = "openrouter" }, Environments.Development);

        Assert.Equal(["OPENROUTER_API_KEY: is required when LLM_MODE=openrouter."], problems);
    }

    [Theory]
    [InlineData("LLM_MODE", "banana")]
    [InlineData("OPENROUTER_BASE_URL", "not a url")]
    [InlineData("OPENROUTER_BASE_URL", "ftp://models.example.com/v1")]
    [InlineData("OPENROUTER_MODEL", " ")]
    [InlineData("LLM_TIMEOUT_SECONDS", "0")]
    [InlineData("LLM_TIMEOUT_SECONDS", "601")]
    [InlineData("LLM_TIMEOUT_SECONDS", "thirty")]
    [InlineData("LLM_TIMEOUT_SECONDS", "2.5")]
    [InlineData("LLM_FALLBACK_TO_OFFLINE", "maybe")]
    [InlineData("LLM_CACHE_TTL_SECONDS", "-1")]
    [InlineData("LLM_CACHE_TTL_SECONDS", "a day")]
    [InlineData("SITE_URL", "sora.example.com")]
    [InlineData("ALLOWED_ORIGINS", "https://ok.example,nope")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.0/8,banana")]
    [InlineData("TRUSTED_PROXIES", "10.0.0.0/99")]
    [InlineData("LOG_FORMAT", "xml")]
    [InlineData("LOG_DIR", "  ")]
    [InlineData("RATE_LIMIT_GENERAL", "100")]
    [InlineData("RATE_LIMIT_GENERAL", "0/900")]
    [InlineData("RATE_LIMIT_GENERAL", "10/0")]
    [InlineData("RATE_LIMIT_AI", "10/86401")]
    [InlineData("RATE_LIMIT_AI", "a/b")]
    public void Validate_BadValue_OneLineNamingTheVariable(string variable, string value)
    {
        var problems = Validate(new() { ["OPENROUTER_API_KEY"] = Key, [variable] = value }, Environments.Production);

        var line = Assert.Single(problems);
        Assert.StartsWith(variable + ": ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Llm:MaxRetries", "11")]
    [InlineData("Llm:AttemptTimeoutSeconds", "0")]
    [InlineData("Llm:CircuitMinimumThroughput", "1")]
    public void Validate_BadSectionKeyWithoutVariable_NamesTheKey(string key, string value)
    {
        var problems = Validate(new() { ["OPENROUTER_API_KEY"] = Key, [key] = value }, Environments.Production);

        Assert.StartsWith(key + ": ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_OneLineEach()
    {
        var problems = Validate(
            new()
            {
                ["LLM_MODE"] = "banana",
                ["LLM_TIMEOUT_SECONDS"] = "-1",
                ["SITE_URL"] = "nope",
                ["LOG_FORMAT"] = "xml",
                ["RATE_LIMIT_AI"] = "20",
            },
            Environments.Production);

        Assert.Equal(6, problems.Count);
        Assert.Equal(
            ["LLM_MODE", "LLM_TIMEOUT_SECONDS", "LOG_FORMAT", "OPENROUTER_API_KEY", "RATE_LIMIT_AI", "SITE_URL"],
            problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_KeyInOtherVariables_NeverEchoesKey()
    {
        var problems = Validate(
            new()
            {
                ["OPENROUTER_API_KEY"] = Key,
                ["OPENROUTER_BASE_URL"] = Key,
                ["SITE_URL"] = Key,
                ["OPENROUTER_MODEL"] = "   ",
            },
            Environments.Production);

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.DoesNotContain(Key[..10], p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GoodProductionConfiguration_NoProblems()
    {
        var problems = Validate(
            new()
            {
                ["OPENROUTER_API_KEY"] = Key,
                ["OPENROUTER_BASE_URL"] = "http://127.0.0.1:11434/v1",
                ["OPENROUTER_FALLBACK_MODELS"] = "a/b, c/d",
                ["LLM_MODE"] = "openrouter",
                ["LLM_FALLBACK_TO_OFFLINE"] = "false",
                ["LLM_TIMEOUT_SECONDS"] = "45",
                ["SITE_URL"] = "https://sora.example.com",
                ["ALLOWED_ORIGINS"] = "https://sora.example.com, https://www.sora.example.com",
                ["TRUSTED_PROXIES"] = "127.0.0.1, ::1, 10.0.0.0/8",
                ["LOG_FORMAT"] = "json",
                ["RATE_LIMIT_GENERAL"] = "300/60",
                ["RATE_LIMIT_AI"] = "20/900",
            },
            Environments.Production);

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_ValuesOfTheWrongType_OneWordedLineEachInOneRun()
    {
        var problems = Validate(
            new()
            {
                ["OPENROUTER_API_KEY"] = Key,
                ["LLM_MODE"] = "banana",
                ["LLM_TIMEOUT_SECONDS"] = "thirty",
                ["LLM_FALLBACK_TO_OFFLINE"] = "maybe",
                ["Llm:MaxRetries"] = "11",
                ["LLM_CACHE_TTL_SECONDS"] = "2592001",
            },
            Environments.Production);

        Assert.Equal(
            [
                "LLM_CACHE_TTL_SECONDS: '2592001' is not a whole number of seconds from 0 to 2592000.",
                "LLM_FALLBACK_TO_OFFLINE: 'maybe' is not true or false.",
                "LLM_MODE: 'banana' is not one of auto, openrouter, offline.",
                "LLM_TIMEOUT_SECONDS: 'thirty' is not a whole number from 1 to 600.",
                "Llm:MaxRetries: '11' is not a whole number from 0 to 10.",
            ],
            problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ShortAdminToken_NamesTheVariableWithoutEchoingIt()
    {
        var problems = Validate(new() { ["OPENROUTER_API_KEY"] = Key, ["ADMIN_TOKEN"] = "short-secret" }, Environments.Production);

        Assert.Equal(["ADMIN_TOKEN: must be at least 16 characters long when set."], problems);
    }

    [Fact]
    public void RegisteredLlmOptions_BadValues_FailWithTheSameLinesAsTheStartupCheck()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LLM_TIMEOUT_SECONDS"] = "601", ["LLM_MODE"] = "openrouter" });
        configuration.AddEnvironmentAliases();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(Environments.Development));
        services.AddCheckedOptions<LlmOptions>(LlmOptions.SectionName);
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsRules>();
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Equal(
            ["LLM_TIMEOUT_SECONDS: '601' is not a whole number from 1 to 600.", "OPENROUTER_API_KEY: is required when LLM_MODE=openrouter."],
            failure.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RegisteredLlmOptions_HyphenatedMode_ReadsAsOpenRouter()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LLM_MODE"] = "open-router", ["OPENROUTER_API_KEY"] = Key });
        configuration.AddEnvironmentAliases();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(Environments.Production));
        services.AddCheckedOptions<LlmOptions>(LlmOptions.SectionName);
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsRules>();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(LlmMode.OpenRouter, provider.GetRequiredService<IOptions<LlmOptions>>().Value.Mode);
    }

    /// <summary>Runs the start-up check over the LLM, usage and Ops options, registered as their areas register them.</summary>
    private static IReadOnlyList<string> Validate(Dictionary<string, string?> variables, string environment) =>
        OptionsCheck.Problems(variables, services =>
        {
            services.AddCheckedOptions<LlmOptions, LlmOptionsRules>(LlmOptions.SectionName);
            services.AddCheckedOptions<LlmCacheOptions>(LlmOptions.SectionName);
            services.AddCheckedOptions<AdminOptions>(AdminOptions.SectionName);
            services.AddCheckedOptions<SiteOptions, SiteOptionsRules>(SiteOptions.SectionName);
            services.AddCheckedOptions<LoggingOptions>(LoggingOptions.SectionName);
            services.AddCheckedOptions<RateLimitingOptions>(RateLimitingOptions.SectionName);
        }, environment);

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SoraPromptGenie";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
