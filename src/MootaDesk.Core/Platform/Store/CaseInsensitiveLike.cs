using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MootaDesk.Core.Platform.Store;

/// <summary>
/// On PostgreSQL, turns every <c>EF.Functions.Like</c> in a query into <c>ILike</c> before EF compiles it. The app's searches
/// (Mutasi text, order references, customer names, proof logs) were written for SQLite, whose LIKE ignores ASCII case; on
/// PostgreSQL LIKE is case-sensitive, and "inv-2026-0042" would stop finding "INV-2026-0042". One interceptor keeps every
/// query as written, on both providers; the pg_trgm GIN indexes serve ILIKE as they serve LIKE. ILIKE also folds letters
/// beyond ASCII (É/é), which SQLite's LIKE does not: a wider match, never a narrower one.
/// </summary>
internal sealed class CaseInsensitiveLike : ExpressionVisitor, IQueryExpressionInterceptor
{
    public static readonly CaseInsensitiveLike Instance = new();

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;
    private static readonly MethodInfo LikeEscaped = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!;
    private static readonly MethodInfo ILikeEscaped = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);
        if (visited is MethodCallExpression call)
        {
            if (call.Method == Like) return Expression.Call(ILike, call.Arguments);
            if (call.Method == LikeEscaped) return Expression.Call(ILikeEscaped, call.Arguments);
        }
        return visited;
    }
}
