using MootaDesk.Web.Tests.Infrastructure;

// The store-facing test classes rerun on PostgreSQL (decision 022): each class here inherits every case of its SQLite
// class and only switches the provider (TestStore), so a case added there runs on both. Store-agnostic classes (bUnit,
// rendering, parsing, security headers) and SQLite-only ones (the inbox file, FTS5 index internals, inbox tests that
// poison SQLite with triggers or a read-only file, upgrades from older SQLite files, the bulk seeder) run once. .ci/run starts the server and sets MOOTADESK_TEST_POSTGRES.

namespace MootaDesk.Web.Tests.Platform
{
    public sealed class DatabaseTestsOnPostgreSql : DatabaseTests, IOnPostgreSql { public DatabaseTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class InboxClaimTestsOnPostgreSql : InboxClaimTests, IOnPostgreSql { public InboxClaimTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class MultiInstanceTestsOnPostgreSql : MultiInstanceTests, IOnPostgreSql { public MultiInstanceTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class StoreCopyTestsOnPostgreSql : StoreCopyTests, IOnPostgreSql { public StoreCopyTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class CsDataScopeTestsOnPostgreSql : CsDataScopeTests, IOnPostgreSql { public CsDataScopeTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Mutations
{
    public sealed class TagCatalogTestsOnPostgreSql : TagCatalogTests, IOnPostgreSql { public TagCatalogTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class MutationSearchTestsOnPostgreSql : MutationSearchTests, IOnPostgreSql { public MutationSearchTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class ReadApiTestsOnPostgreSql : ReadApiTests, IOnPostgreSql { public ReadApiTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class RulesAndViewsTestsOnPostgreSql : RulesAndViewsTests, IOnPostgreSql { public RulesAndViewsTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class TagMutationsCommandTestsOnPostgreSql : TagMutationsCommandTests, IOnPostgreSql { public TagMutationsCommandTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class MutationsEndpointTestsOnPostgreSql : MutationsEndpointTests, IOnPostgreSql { public MutationsEndpointTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class ExportTestsOnPostgreSql : ExportTests, IOnPostgreSql { public ExportTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Mutations.Ingest
{
    public sealed class MutationIngestorTestsOnPostgreSql : MutationIngestorTests, IOnPostgreSql { public MutationIngestorTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class CrossChannelCaseTestsOnPostgreSql : CrossChannelCaseTests, IOnPostgreSql { public CrossChannelCaseTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class ConflictDecisionTestsOnPostgreSql : ConflictDecisionTests, IOnPostgreSql { public ConflictDecisionTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class DuplicatesReviewTestsOnPostgreSql : DuplicatesReviewTests, IOnPostgreSql { public DuplicatesReviewTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class IdentityRuleTestsOnPostgreSql : IdentityRuleTests, IOnPostgreSql { public IdentityRuleTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class MootaSyncApiTestsOnPostgreSql : MootaSyncApiTests, IOnPostgreSql { public MootaSyncApiTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Sweep
{
    public sealed class SweepPreparationTestsOnPostgreSql : SweepPreparationTests, IOnPostgreSql { public SweepPreparationTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class SweepSignOffTestsOnPostgreSql : SweepSignOffTests, IOnPostgreSql { public SweepSignOffTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class SweepApiTestsOnPostgreSql : SweepApiTests, IOnPostgreSql { public SweepApiTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Orders
{
    public sealed class OrderSettlementTestsOnPostgreSql : OrderSettlementTests, IOnPostgreSql { public OrderSettlementTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class OrdersApiTestsOnPostgreSql : OrdersApiTests, IOnPostgreSql { public OrdersApiTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class UniqueCodeTestsOnPostgreSql : UniqueCodeTests, IOnPostgreSql { public UniqueCodeTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class OrderMatchingTestsOnPostgreSql : OrderMatchingTests, IOnPostgreSql { public OrderMatchingTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class OrderListQueryTestsOnPostgreSql : OrderListQueryTests, IOnPostgreSql { public OrderListQueryTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class OrderExpiryTestsOnPostgreSql : OrderExpiryTests, IOnPostgreSql { public OrderExpiryTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Integrations.Webhook
{
    public sealed class WebhookEndpointTestsOnPostgreSql : WebhookEndpointTests, IOnPostgreSql { public WebhookEndpointTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class SandboxAndLogTestsOnPostgreSql : SandboxAndLogTests, IOnPostgreSql { public SandboxAndLogTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Integrations.Moota
{
    public sealed class MootaSyncTestsOnPostgreSql : MootaSyncTests, IOnPostgreSql { public MootaSyncTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.BankAccounts.Statements
{
    public sealed class StatementImportTestsOnPostgreSql : StatementImportTests, IOnPostgreSql { public StatementImportTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class StatementsApiTestsOnPostgreSql : StatementsApiTests, IOnPostgreSql { public StatementsApiTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.BankAccounts
{
    public sealed class AccountsTestsOnPostgreSql : AccountsTests, IOnPostgreSql { public AccountsTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Proof
{
    public sealed class ProofLifecycleTestsOnPostgreSql : ProofLifecycleTests, IOnPostgreSql { public ProofLifecycleTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class ProofHttpTestsOnPostgreSql : ProofHttpTests, IOnPostgreSql { public ProofHttpTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class PaymentSearchTestsOnPostgreSql : PaymentSearchTests, IOnPostgreSql { public PaymentSearchTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Settings
{
    public sealed class UserAdministrationTestsOnPostgreSql : UserAdministrationTests, IOnPostgreSql { public UserAdministrationTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.OwnerReports
{
    public sealed class WeeklyMetricsTestsOnPostgreSql : WeeklyMetricsTests, IOnPostgreSql { public WeeklyMetricsTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.OwnerReports
{
    public sealed class IncomeRhythmQueryTestsOnPostgreSql : IncomeRhythmQueryTests, IOnPostgreSql { public IncomeRhythmQueryTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Integrations.Notifications
{
    public sealed class ProvisionalThenConfirmedTestsOnPostgreSql : ProvisionalThenConfirmedTests, IOnPostgreSql { public ProvisionalThenConfirmedTestsOnPostgreSql() => OnPostgreSql.Use(); }
    public sealed class NotificationInboxTestsOnPostgreSql : NotificationInboxTests, IOnPostgreSql { public NotificationInboxTestsOnPostgreSql() => OnPostgreSql.Use(); }
}

namespace MootaDesk.Web.Tests.Sweep
{
    public sealed class SweepBankDayTestsOnPostgreSql : SweepBankDayTests, IOnPostgreSql { public SweepBankDayTestsOnPostgreSql() => OnPostgreSql.Use(); }
}
