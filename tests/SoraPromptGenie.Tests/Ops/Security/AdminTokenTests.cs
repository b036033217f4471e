using Microsoft.AspNetCore.Http;
using SoraPromptGenie.Ops.Security;

namespace SoraPromptGenie.Tests.Ops.Security;

public sealed class AdminTokenTests
{
    private const string Token = "admin-token-0123456789abcdef";

    [Theory]
    [InlineData("Bearer " + Token)]
    [InlineData("bearer " + Token)]
    [InlineData("Bearer  " + Token + " ")]
    public void IsPresentedBy_ConfiguredToken_True(string authorization)
    {
        Assert.True(AdminToken.From(Token)!.IsPresentedBy(Request(authorization)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(Token)]
    [InlineData("Basic " + Token)]
    [InlineData("Bearer ")]
    [InlineData("Bearer admin-token")]
    [InlineData("Bearer " + Token + "0")]
    [InlineData("Bearer ADMIN-TOKEN-0123456789ABCDEF")]
    public void IsPresentedBy_AnythingElse_False(string? authorization)
    {
        Assert.False(AdminToken.From(Token)!.IsPresentedBy(Request(authorization)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void From_NoToken_Null(string? token)
    {
        Assert.Null(AdminToken.From(token));
    }

    private static HttpRequest Request(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context.Request;
    }
}
