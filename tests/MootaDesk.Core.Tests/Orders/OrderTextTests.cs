using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Orders;

public class OrderTextTests
{
    [Fact]
    public void The_payment_instruction_names_bank_number_holder_exact_amount_and_expiry_in_WIB()
    {
        var clock = new BusinessClock(TestTime.Create());
        var text = PaymentInstruction.Build("INV-7", 150_123m, 123, "mandiriMcmV2", "1230004567890", "PT Toko Maju",
            new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc), clock);
        text.ShouldBe("""
            Pembayaran pesanan INV-7
            Mohon transfer TEPAT Rp 150.123 (sudah termasuk kode unik 123) ke:
            Bank: Mandiri
            No. rekening: 1230004567890
            Atas nama: PT Toko Maju
            Batas pembayaran: 22 Nov 2026 17.00 WIB
            Nominal harus persis sama (sampai 3 digit terakhir) agar pembayaran terkonfirmasi otomatis.
            """.Replace("\r", ""));
    }

    [Theory]
    [InlineData("Budi Santoso", "BUDI SANTOSO", true)]
    [InlineData("Budi Santoso", "BUDI", true)]
    [InlineData("Budi Santoso", "BUDI HARTONO", true)]
    [InlineData("Budi Santoso", "ANDI WIJAYA", false)]
    [InlineData("Al", "AL FAJRI", false)]
    public void Names_are_compared_the_way_bank_lines_write_them(string customer, string counterparty, bool same) =>
        OrderCandidates.SameName(OrderCandidates.NameKey(customer), OrderCandidates.NameKey(counterparty)).ShouldBe(same);
}
