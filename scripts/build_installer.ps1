# Build the Windows bundle from a clean checkout and check it with its own --self-test.
#
#   powershell -ExecutionPolicy Bypass -File scripts\build_installer.ps1
#
# Twin of scripts/build_installer.sh: venv in build\venv, install the project with its
# build extra (PyInstaller), run PyInstaller on build_installer.spec into dist\, run
# dist\compare_app\compare_app.exe --self-test and check it wrote nothing into the bundle.
# The exe is windowed (no console), so the result is read from the self-test's log in the
# user data folder and the exit code from the process.
#
# Environment:
#   PYTHON=C:\Python311\python.exe   interpreter for the venv (default: python on PATH)
#   BUILD_REUSE_ENV=1       use that interpreter's environment instead of a new venv
#   COMPARE_APP_ONEFILE=1   one compare_app.exe instead of a folder (read by the spec)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
$Root = (Get-Location).Path
$Started = Get-Date

function Step($Message) {
    $elapsed = [int]((Get-Date) - $Started).TotalSeconds
    Write-Host "`n== $Message (${elapsed}s)"
}

function Invoke-Checked {
    # Run a native command; stop the build when it fails.
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $Exe $($Arguments -join ' ')" }
}

$Python = if ($env:PYTHON) { $env:PYTHON } else { "python" }

if ($env:BUILD_REUSE_ENV -eq "1") {
    Step "reusing $Python's environment"
    $Py = $Python
    # find_spec rather than import: nothing on stderr, which Windows PowerShell 5.1 would turn into an error
    & $Py -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('PyInstaller') else 1)"
    if ($LASTEXITCODE -ne 0) { Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "pyinstaller>=6.5") }
} else {
    Step "creating build\venv"
    Invoke-Checked $Python @("-m", "venv", "--clear", "build\venv")
    $Py = Join-Path $Root "build\venv\Scripts\python.exe"
    Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
    Invoke-Checked $Py @("-m", "pip", "install", "--quiet", ".[build]")
}
Invoke-Checked $Py @("-c", "import PyInstaller, sys; print('PyInstaller', PyInstaller.__version__, 'on Python', sys.version.split()[0])")

Step "running PyInstaller"
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "$Root\dist", "--workpath", "$Root\build\pyinstaller", "build_installer.spec")

if ($env:COMPARE_APP_ONEFILE -eq "1") {
    $Bundle = "$Root\dist\compare_app.exe"; $Exe = $Bundle
} else {
    $Bundle = "$Root\dist\compare_app"; $Exe = "$Bundle\compare_app.exe"
}
if (-not (Test-Path $Exe)) { throw "no executable at $Exe" }

Step "self-test of $Exe"
$Before = Get-ChildItem -Recurse -Force $Bundle | ForEach-Object { $_.FullName } | Sort-Object
$env:QT_QPA_PLATFORM = "offscreen"
$Process = Start-Process -FilePath $Exe -ArgumentList "--self-test" -Wait -PassThru -NoNewWindow
Remove-Item Env:QT_QPA_PLATFORM
$Log = & $Py -c "from compare_app.paths import user_data_dir; print(user_data_dir() / 'selftest.log')"
if (Test-Path $Log) { Get-Content -Encoding UTF8 $Log | Write-Host } else { Write-Host "(no self-test log at $Log)" }
if ($Process.ExitCode -ne 0) { throw "the self-test failed (exit code $($Process.ExitCode))" }
$After = Get-ChildItem -Recurse -Force $Bundle | ForEach-Object { $_.FullName } | Sort-Object
$Changes = Compare-Object -ReferenceObject @($Before) -DifferenceObject @($After)
if ($Changes) {
    $Changes | Format-Table | Out-String | Write-Host
    throw "the self-test wrote inside the bundle"
}

Step "done"
$Bytes = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Property Length -Sum).Sum
Write-Host ("{0}: {1:N0} MB" -f $Bundle, ($Bytes / 1MB))
