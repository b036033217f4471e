using Npgsql;
using SoraPromptGenie.Data;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Data;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void Parse_FullUri_ReadsEveryPart()
    {
        var builder = DatabaseUrl.Parse("postgres://app:secret@db.example.com:6543/sora?sslmode=require");

        Assert.Equal(("db.example.com", 6543, "sora", "app", "secret"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void Parse_EscapedPassword_IsUnescaped()
    {
        var builder = DatabaseUrl.Parse("postgresql://app%40corp:p%40ss%3Aw%2Fo%25rd+x@localhost/sora");

        Assert.Equal("app@corp", builder.Username);
        Assert.Equal("p@ss:w/o%rd+x", builder.Password);
    }

    [Fact]
    public void Parse_IPv6Host_DropsBrackets()
    {
        var builder = DatabaseUrl.Parse("postgres://app:pw@[::1]:5433/sora");

        Assert.Equal(("::1", 5433), (builder.Host, builder.Port));
    }

    [Fact]
    public void Parse_MissingPort_DefaultsTo5432()
    {
        var builder = DatabaseUrl.Parse("postgres://app:pw@db/sora");

        Assert.Equal(5432, builder.Port);
    }

    [Fact]
    public void Parse_QueryOptions_MapToNpgsqlKeywords()
    {
        var builder = DatabaseUrl.Parse(
            "postgres://app:pw@db/sora?sslmode=verify-full&application_name=sora%20web&connect_timeout=7&target_session_attrs=read-write&Maximum%20Pool%20Size=40");

        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("sora web", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal("read-write", builder.TargetSessionAttributes);
        Assert.Equal(40, builder.MaxPoolSize);
    }

    [Fact]
    public void Parse_KeywordString_IsAccepted()
    {
        var builder = DatabaseUrl.Parse("Host=127.0.0.1;Port=55432;Database=sora;Username=postgres;Password=x;SSL Mode=Disable");

        Assert.Equal(("127.0.0.1", 55432, "sora", SslMode.Disable), (builder.Host, builder.Port, builder.Database, builder.SslMode));
    }

    [Fact]
    public void ToConnectionString_NoTimeouts_AddsShortConnectAndCommandTimeouts()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgres://app:pw@db/sora"));

        Assert.Equal((3, 10, true), (builder.Timeout, builder.CommandTimeout, builder.Pooling));
    }

    [Fact]
    public void ToConnectionString_ExplicitTimeouts_AreKept()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("Host=db;Database=sora;Timeout=15;Command Timeout=60"));

        Assert.Equal((15, 60), (builder.Timeout, builder.CommandTimeout));
    }

    [Theory]
    [InlineData("mysql://app:hunter2secret@db/sora")]
    [InlineData("postgres://app:hunter2secret@/sora")]
    [InlineData("postgres://app:hunter2secret@db/sora?no_such_option=1")]
    [InlineData("postgres://app:hunter2secret@db/sora/extra")]
    [InlineData("just garbage hunter2secret")]
    [InlineData("Host=db;Pasword=hunter2secret")]
    [InlineData("   ")]
    public void Validate_Garbage_ReportsDatabaseUrlWithoutThePassword(string value)
    {
        var problems = OptionsCheck.Problems(
            new Dictionary<string, string?> { ["Database:Url"] = value },
            services => services.AddCheckedOptions<DatabaseOptions>(DatabaseOptions.SectionName));

        var line = Assert.Single(problems);
        Assert.StartsWith("DATABASE_URL: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }
}
