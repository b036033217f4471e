using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SoraPromptGenie.Data;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Usage;

/// <summary>
/// Inserts a batch of ledger rows in one transaction with a single prepared <c>INSERT</c> run once per row.
/// <para>
/// <c>SaveChanges</c> generated the SQL and tracked every entity of every batch: about a quarter of everything the
/// server allocated per AI request. Table, columns and parameter types still come from the EF model (type mappings and
/// value converters included), so rows are stored exactly as EF would store them and follow the migrations.
/// </para>
/// </summary>
internal static class LedgerRowInserter
{
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<LlmCall> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = Columns(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = InsertSql(db, columns);

            var parameters = new DbParameter[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i] = columns[i].Mapping.CreateParameter(
                    command, columns[i].ParameterName, columns[i].Property.GetGetter().GetClrValue(rows[0]), columns[i].Property.IsNullable);
                command.Parameters.Add(parameters[i]);
            }

            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = ProviderValue(columns[i], row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static object? ProviderValue(Column column, LlmCall row)
    {
        var value = column.Property.GetGetter().GetClrValue(row);
        return value is not null && column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private static List<Column> Columns(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(LlmCall)) ?? throw new InvalidOperationException("LlmCall is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return entity.GetProperties()
            .Select((property, index) => new Column(
                property,
                property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column"),
                sql.GenerateParameterName($"p{index}"),
                property.GetRelationalTypeMapping()))
            .ToList();
    }

    private static string InsertSql(AppDbContext db, List<Column> columns)
    {
        var entity = db.Model.FindEntityType(typeof(LlmCall))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        return $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.ParameterName))})";
    }

    private sealed record Column(IProperty Property, string Name, string ParameterName, RelationalTypeMapping Mapping);
}
