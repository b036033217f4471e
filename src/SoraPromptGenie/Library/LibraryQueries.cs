using Microsoft.EntityFrameworkCore;
using SoraPromptGenie.Data;

namespace SoraPromptGenie.Library;

/// <summary>The query pieces every library list and write shares: paging, search, the clock, a workspace's last use.</summary>
internal static class LibraryQueries
{
    public const int MaxPageSize = 100;
    /// <summary>The escape character of <see cref="LikePattern"/>, for <c>EF.Functions.Like</c>.</summary>
    public const string LikeEscape = "\\";

    public static (int Page, int PageSize) Clamp(int page, int pageSize) => (Math.Max(page, 1), Math.Clamp(pageSize, 1, MaxPageSize));

    /// <summary>
    /// The offset is computed in 64 bits: <c>(page - 1) * pageSize</c> overflows an int for a page near int.MaxValue,
    /// and a page past the end is answered empty without asking the database.
    /// </summary>
    public static async Task<List<T>> PageAsync<T>(IQueryable<T> ordered, int total, int page, int pageSize, CancellationToken cancellationToken)
    {
        var offset = (long)(page - 1) * pageSize;
        return offset >= total ? [] : await ordered.Skip((int)offset).Take(pageSize).ToListAsync(cancellationToken);
    }

    /// <summary>lower() + LIKE behaves the same on both providers (PostgreSQL's LIKE is case-sensitive, SQLite's is not).</summary>
    public static string? LikePattern(string? search) =>
        string.IsNullOrWhiteSpace(search) ? null : "%" + EscapeLike(search.Trim().ToLowerInvariant()) + "%";

    /// <summary>Microsecond precision: PostgreSQL keeps microseconds, so the value read back equals the one written.</summary>
    public static DateTime Now(TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }

    /// <summary>Records a use of the workspace; false when it no longer exists.</summary>
    public static async Task<bool> TouchWorkspaceAsync(this AppDbContext db, Guid workspaceId, DateTime now, CancellationToken cancellationToken) =>
        await db.Workspaces
            .Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastUsedAt, now), cancellationToken) > 0;

    private static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
