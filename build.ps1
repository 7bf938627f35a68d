<#
.SYNOPSIS
  SiteGen for instructors on Windows: build, serve or test the course site.
.EXAMPLE
  ./build.ps1 build            # content/ -> site/
  ./build.ps1 build -BaseUrl /my-course/
  ./build.ps1 serve            # live preview on http://127.0.0.1:4000/
  ./build.ps1 test
#>
param(
  [ValidateSet("build", "serve", "check", "test")]
  [string]$Command = "build",
  [string]$Content = "content",
  [string]$Out = "site",
  [string]$BaseUrl = "",
  [switch]$Strict
)
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$cli = @("run", "--project", "src/SiteGen.Cli", "--")
switch ($Command) {
  "test" { dotnet test; break }
  default {
    $arguments = $cli + @($Command, "--content", $Content)
    if ($Command -eq "build") { $arguments += @("--out", $Out) }
    if ($BaseUrl) { $arguments += @("--base-url", $BaseUrl) }
    if ($Strict) { $arguments += "--strict" }
    dotnet @arguments
  }
}
exit $LASTEXITCODE
