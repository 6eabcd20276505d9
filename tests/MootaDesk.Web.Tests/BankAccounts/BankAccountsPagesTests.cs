using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.BankAccounts;
using MootaDesk.Web.Tests.Integrations;

namespace MootaDesk.Web.Tests.BankAccounts;

/// <summary>The Rekening pages on MudBlazor (issue 13): the account list and its edit form, and the statement import's steps and messages.</summary>
public class BankAccountsPagesTests : AreaPageContext
{
    private async Task<int> AccountAsync(string label = "BCA Toko", string number = "1234567890")
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        var account = new Account { BankCode = "bca", AccountNumber = number, Label = label, HolderName = "PT TOKO", CreatedAt = App.Time.GetUtcNow().UtcDateTime };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    [Theory]
    [InlineData(false, false, false, 1)]
    [InlineData(true, false, false, 2)]
    [InlineData(true, true, false, 3)]
    [InlineData(false, false, true, 4)]
    public void The_import_shows_which_of_its_four_steps_the_person_is_on(bool loaded, bool analysed, bool done, int step) =>
        ImportPage.CurrentStep(loaded, analysed, done).ShouldBe(step);

    [Fact]
    public async Task An_account_is_renamed_from_the_list_and_the_list_shows_the_new_name()
    {
        var id = await AccountAsync();
        await SignInAsync(Roles.Ops);
        var page = RenderAt<AccountsPage>("rekening");
        page.WaitForAssertion(() => page.Find("[data-testid=accounts-grid]").TextContent.ShouldContain("BCA Toko"), Wait);
        page.Find("[data-testid=accounts-grid]").TextContent.ShouldContain("1234567890");

        page.Find($"[data-testid=edit-{id}]").Click();
        page.Find("#label").Input("BCA Operasional");
        page.Find("[data-testid=account-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=accounts-grid]").TextContent.ShouldContain("BCA Operasional"), Wait);
        page.FindAll("[data-testid=account-edit]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_broken_csv_is_refused_in_words_and_a_good_file_goes_through_the_steps_to_the_result()
    {
        var id = await AccountAsync();
        await SignInAsync(Roles.Owner);
        var page = RenderAt<ImportPage>("rekening/impor?rekening=" + id);
        page.WaitForAssertion(() => page.Find("[data-testid=import-steps] .is-current").TextContent.ShouldBe("File"), Wait);

        // A file with column titles and nothing else: said plainly, nothing loaded.
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Tanggal;Keterangan;Debet;Kredit;Saldo\n", "rusak.csv"));
        page.WaitForAssertion(() => page.Find("[data-testid=import-file-error]").TextContent.ShouldContain("tanpa baris mutasi"), Wait);
        page.FindAll("[data-testid=import-preview]").ShouldBeEmpty();

        var csv = "Tanggal;Keterangan;Debet;Kredit;Saldo\n" +
                  "28/11/2026;TRANSFER DARI BUDI SANTOSO;;150.123,00;2.150.123,00\n" +
                  "29/11/2026;BIAYA ADM;6.500,00;;2.143.623,00\n";
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "mutasi-nov.csv", contentType: "text/csv"));
        page.WaitForAssertion(() => page.Find("[data-testid=import-preview]").TextContent.ShouldContain("BUDI SANTOSO"), Wait);
        page.Find("[data-testid=import-steps] .is-current").TextContent.ShouldBe("Tata letak & kolom");

        page.Find("[data-testid=import-check]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=import-summary]").TextContent.ShouldBe("2 baru, 0 sudah ada, 0 ditolak"), Wait);
        page.Find("[data-testid=import-money-in]").TextContent.ShouldBe("Uang masuk: Rp 150.123 (1 transaksi)");
        page.Find("[data-testid=import-steps] .is-current").TextContent.ShouldBe("Pratinjau & konfirmasi");

        page.Find("[data-testid=import-commit]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=import-done]").TextContent.ShouldContain("2 baru disimpan"), Wait);
        page.Find("[data-testid=import-steps] .is-current").TextContent.ShouldBe("Hasil");
        page.Find("[data-testid=import-history]").TextContent.ShouldContain("mutasi-nov.csv");
    }
}
