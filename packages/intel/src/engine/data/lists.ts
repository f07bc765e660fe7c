/** Short reference lists behind the false-positive warnings and the file-name extractor. */

/** Popular services that appear in reports as references or abused platforms, rarely as attacker infrastructure. */
// biome-ignore format: a dense word list reads better than one entry per line
export const BENIGN_DOMAINS: readonly string[] = [
  'microsoft.com', 'windows.com', 'windowsupdate.com', 'live.com', 'office.com', 'office365.com', 'outlook.com',
  'microsoftonline.com', 'azure.com', 'bing.com', 'msn.com', 'google.com', 'googleapis.com', 'gstatic.com',
  'youtube.com', 'gmail.com', 'github.com', 'githubusercontent.com', 'gitlab.com', 'apple.com', 'icloud.com',
  'amazon.com', 'amazonaws.com', 'cloudflare.com', 'akamai.net', 'facebook.com', 'instagram.com', 'whatsapp.com',
  'twitter.com', 'x.com', 'linkedin.com', 'wikipedia.org', 'mozilla.org', 'virustotal.com', 'mitre.org',
  'nist.gov', 'cisa.gov', 'cve.org', 'dropbox.com', 'yahoo.com', 'adobe.com', 'oracle.com', 'ubuntu.com',
];

/** Public DNS resolvers: contacted by malware and victims alike, so never attacker-owned. */
// biome-ignore format: a dense word list reads better than one entry per line
export const PUBLIC_RESOLVERS: readonly string[] = [
  '8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220',
  '4.2.2.1', '4.2.2.2', '64.6.64.6', '94.140.14.14', '2001:4860:4860::8888', '2001:4860:4860::8844',
  '2606:4700:4700::1111', '2606:4700:4700::1001', '2620:fe::fe',
];

/** File extensions seen for payloads, droppers, lures, archives and artefacts in threat reports. */
// biome-ignore format: a dense word list reads better than one entry per line
export const FILE_EXTENSIONS: readonly string[] = [
  // executables and libraries
  'exe', 'dll', 'sys', 'scr', 'pif', 'cpl', 'ocx', 'drv', 'msi', 'msp', 'msc', 'com', 'elf', 'so', 'dylib', 'ko',
  'bin', 'apk', 'ipa', 'dmg', 'pkg', 'deb', 'rpm', 'jar', 'xll', 'wll', 'gadget', 'appx', 'msix',
  // scripts
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'sct', 'py', 'pyc', 'sh',
  'bash', 'pl', 'rb', 'php', 'asp', 'aspx', 'ashx', 'jsp', 'jspx', 'cgi', 'lua', 'au3', 'ahk', 'applescript', 'scpt',
  // documents and lures
  'doc', 'docx', 'docm', 'dot', 'dotm', 'xls', 'xlsx', 'xlsm', 'xlsb', 'xlam', 'ppt', 'pptx', 'pptm', 'rtf', 'pdf',
  'one', 'chm', 'iqy', 'slk', 'lnk', 'url', 'html', 'htm', 'svg', 'library-ms', 'search-ms',
  // archives, disk images, pictures and video used as lures or wallpapers
  'mov', 'bmp', 'jpg', 'png', 'zip', 'rar', '7z', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'cab', 'iso', 'img', 'vhd', 'vhdx', 'ace', 'arj',
  // artefacts and configuration
  'dat', 'tmp', 'log', 'txt', 'ini', 'cfg', 'conf', 'inf', 'reg', 'key', 'pem', 'db', 'sqlite', 'config', 'pdb',
  // per-architecture IoT bot binaries (Mirai and its forks name them by CPU)
  'x86', 'x86_64', 'i686', 'arm', 'arm5', 'arm6', 'arm7', 'mips', 'mpsl', 'ppc', 'm68k', 'sh4', 'spc',
];

/**
 * Of the extensions that are also TLDs (.com, .zip, .mov, .one, .py, .sh, ...), those read as a domain when
 * the surrounding words do not decide; the others read as a file name.
 */
export const DOMAIN_FIRST_EXTENSIONS: readonly string[] = ['com'];
