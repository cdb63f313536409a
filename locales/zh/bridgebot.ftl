## Command menu descriptions
cmd-start = 开始，了解 bridgebot 的功能
cmd-help = bridgebot 使用说明
cmd-setup = 将本群登记为一个城市：/setup <城市> <语言> [时区]
cmd-partnership = 查看伙伴关系，或 new / invite / join / leave
cmd-contacts = 各合作城市的联系人
cmd-lang = 更改本群的语言
cmd-focal = 设置本城市的联系人：/focal @用户

## Welcome and help
start-private = 您好！我是 bridgebot。我把合作城市的 Telegram 群组连接起来：每条消息都会出现在每个伙伴群组中，并在机器人自己的服务器上（不使用云服务）翻译成该群组的语言。请把我加入您所在城市的群组，即可开始。
start-group = 您好！我是 bridgebot。群管理员可以用 /setup 登记本群，然后把它与合作城市连接起来。
help =
    bridgebot 连接合作城市的群组，并在它们之间进行翻译。

    入门（群管理员）：
    /setup <城市> <语言> [时区] — 登记本群，例如 /setup Hangzhou zh Asia/Shanghai
    /partnership new <名称> — 创建伙伴关系（机器人管理员）；您会收到一个邀请码
    /partnership invite — 为下一个城市生成新的邀请码
    /partnership join <邀请码> — 将本群加入伙伴关系
    /partnership leave — 退出伙伴关系
    /lang <语言> — 更改本群的语言
    /focal @用户 — 设置本城市的联系人

    所有人可用：
    /partnership — 各城市及其语言和当地时间
    /contacts — 各城市的联系人
    /commit <内容> <日期>之前 — 记录一项承诺（回复某条消息时取其文字）
    /commitments [all | done | overdue | @用户] — 伙伴关系的承诺
    /done、/blocked、/reopen、/due <编号> — 更新一项承诺
    /followup <#编号 | @用户 | all> <时间> [备注] — 安排跟进（协调员），例如 /followup #7 周五 10:00、/followup all 每周一 09:00
    /followups — 已安排的跟进和自动提醒；/followup cancel <F编号>
    /report — 伙伴关系活动情况：消息与承诺，附图表
    /glossary — 翻译时保持不变的名称和缩写
    /unsend — 回复自己的消息以删除其副本
    /help — 本说明

## Setup
setup-done = ✅ 本群现在代表 { $city }：语言 { $language }，时区 { $tz }（当地时间 { $time }）。
setup-tz-hint = 提示：请加上时区，这样提醒会在正确的当地时间发出，例如 /setup { $city } { $lang } Asia/Shanghai。
usage-setup = 用法：/setup <城市> <语言> [时区]，例如 /setup Hangzhou zh Asia/Shanghai

## Partnerships
usage-partnership = 用法：/partnership [new <名称> | invite | join <邀请码> | leave | original quote|full|none]
usage-partnership-new = 用法：/partnership new <名称>，例如 /partnership new 杭州–德累斯顿
usage-partnership-join = 用法：/partnership join <邀请码> — 使用另一城市管理员收到的邀请码。
partnership-created = 🤝 已创建伙伴关系“{ $name }”。第一个城市的邀请码：{ $code }（{ $days } 天内有效，仅可使用一次）。请该城市群组的管理员发送：/partnership join { $code }
partnership-invite = “{ $name }”的新邀请码：{ $code }（{ $days } 天内有效，仅可使用一次）。请新城市群组的管理员发送：/partnership join { $code }
partnership-joined = 🤝 本群已加入“{ $name }”，目前共连接 { $count } 个城市。
partnership-new-member = 🤝 { $city } 已加入伙伴关系“{ $name }”。
partnership-left = 本群已退出伙伴关系“{ $name }”。此后不会再有消息同步到这里。
partnership-show =
    🤝 { $name } — { $count } 个城市
    { $members }
partnership-member-line = • { $city } — { $language }，{ $time }（{ $tz }）— 联系人：{ $focal }
contacts-show =
    各城市的联系人：
    { $members }
focal-none = 未设置（/focal @用户）

## Group settings
lang-done = ✅ 本群的语言已改为{ $language }。
usage-lang = 用法：/lang <语言>，例如 /lang zh 或 /lang 中文
focal-done = ✅ { $person } 现在是 { $city } 的联系人。
usage-focal = 用法：/focal @用户（或用 /focal 回复此人的一条消息）

## Errors
error-name-empty = 名称中至少要有一个文字。
error-name-too-long = 名称太长了：最多 { $max } 个字符。
error-bad-timezone = 我不认识时区“{ $tz }”。请使用 IANA 名称，例如 Asia/Shanghai、Europe/Berlin 或 America/Mexico_City。
error-bad-language = 我不认识语言“{ $lang }”。请使用 zh、de、en、es 等代码，或“中文”“德语”等名称。
error-not-set-up = 本群尚未登记。群管理员可以用 /setup <城市> <语言> [时区] 进行登记。
error-chat-admin-only = 只有本群管理员（或机器人管理员）可以执行此操作。
error-bot-admin-only = 只有机器人管理员可以执行此操作。
error-already-in-partnership = 本群已在一个伙伴关系中。请先用 /partnership leave 退出。
error-no-partnership = 本群尚未加入伙伴关系。请用 /partnership join <邀请码> 加入。
error-code-unknown = 该邀请码无效。请检查，或用 /partnership invite 获取新的邀请码。
error-code-used = 该邀请码已被使用。请用 /partnership invite 获取新的邀请码。
error-code-expired = 该邀请码已过期。请用 /partnership invite 获取新的邀请码。
error-unknown-user = 我还不认识 { $user }。此人需要先在我所在的群组里发一条消息，或者您用该命令回复此人的一条消息。
error-group-only = 此命令只能在群组中使用。
error-unknown-command = 我不认识命令 { $command }。发送 /help 查看我能做什么。

## Relay
cmd-glossary = 翻译时保持不变的术语
cmd-unsend = 用 /unsend 回复一条消息以删除其副本
relay-header = { $sender } · { $city }
relay-pivot = （经英语从{ $source }转译）
relay-no-model = （未翻译：未安装{ $source }→{ $target }的语言模型）
relay-group-unreachable = ⚠️ 消息已无法发送到 { $city }：机器人已被移出该群组或失去了权限。该群的管理员可以重新添加机器人，并用新的邀请码重新加入。
usage-unsend = 用 /unsend 回复一条同步过来的消息（或其副本），即可删除它在各伙伴群组中的副本。
unsend-done = 🗑 正在删除 { $count } 个伙伴群组中的副本。
error-unsend-unknown = 这条消息没有被同步，因此没有可删除的副本。
error-unsend-not-yours = 只有消息作者或管理员可以删除其副本。
error-unsend-done = 这条消息的副本已经删除。
partnership-original-done = ✅ 副本中原文的显示方式已设为：{ $mode }。
usage-partnership-original = 用法：/partnership original quote|full|none — quote：折叠在译文下方；full：完整显示；none：不显示。

## Glossary
usage-glossary = 用法：/glossary add <术语> [<语言>=<译名> ...]、/glossary remove <术语>，或 /glossary 查看列表。例如：/glossary add Elbphilharmonie zh=易北爱乐音乐厅
glossary-added = ✅ “{ $term }”已加入术语表：{ $translations }。
glossary-removed = ✅ “{ $term }”已从术语表中删除。
glossary-empty = 术语表为空。可用 /glossary add <术语> 添加不应翻译的名称和缩写。
glossary-list =
    术语表（{ $count } 个术语）：
    { $terms }
error-glossary-full = 术语表已满（{ $max } 个术语）。请先删除一个术语。
error-glossary-unknown = “{ $term }”不在术语表中。
error-coordinator-only = 只有协调员（群管理员、机器人管理员或被授予该角色的人）可以执行此操作。

## Commitments
cmd-commit = 记录一项承诺：/commit [@负责人] <内容> [<日期>之前]
cmd-commitments = 伙伴关系中未完成的承诺
cmd-done = 标记承诺已完成：/done <编号>
cmd-blocked = 标记承诺受阻：/blocked <编号> <原因>
cmd-reopen = 重新开启承诺：/reopen <编号>
cmd-due = 修改截止日期：/due <编号> <日期>
cmd-role = 指定协调员或普通成员
usage-commit = 用法：/commit [@负责人] <承诺内容> [<日期>之前]，例如 /commit 提交预算 下周五之前。也可以用 /commit 回复一条消息。
usage-done = 用法：/done <编号>，例如 /done #7
usage-blocked = 用法：/blocked <编号> <原因>，例如 /blocked #7 等待场地确认
usage-reopen = 用法：/reopen <编号>
usage-due = 用法：/due <编号> <日期>，例如 /due #7 下周五
usage-commitments = 用法：/commitments [all | done | overdue | @用户]
usage-role = 用法：/role @用户 coordinator|officer
commitment-created = 📌 #{ $id } { $owner }（{ $city }）承诺：{ $text } — 截止：{ $due }
commitment-done = ✅ #{ $id } 已完成：{ $text }（{ $owner }，由 { $actor } 标记）
commitment-blocked = ⛔ #{ $id } 受阻：{ $text } — { $reason }（{ $actor }）
commitment-reopened = 🔄 #{ $id } 已重新开启：{ $text }（{ $actor }）
commitment-due = 📅 #{ $id } 截止时间改为：{ $due } — { $text }（{ $actor }）
commitment-no-due = 未定
commitments-header = 承诺（{ $count }）— 第 { $page }/{ $pages } 页
commitment-line = #{ $id } · { $owner }（{ $city }）· 截止：{ $due }{ $state }
    { $text }
commitment-state-done = { " " }· 已完成
commitment-state-blocked = { " " }· 受阻：{ $reason }
commitment-state-overdue = { " " }· ⚠️ 已逾期
commitments-empty = 这里还没有承诺。用 /commit <内容> <日期>之前 记录一项。
role-coordinator = ✅ { $person } 现在是本伙伴关系的协调员。
role-officer = ✅ { $person } 现在是本伙伴关系的普通成员（无协调权限）。
error-commitment-id = “{ $id }”不是承诺编号。请使用显示为 #7 的编号。
error-commitment-unknown = 本伙伴关系中没有承诺 #{ $id }。
error-commitment-not-yours = 只有承诺的负责人或协调员可以修改它。
error-commitment-already-done = #{ $id } 已经完成。
error-commitment-already-open = #{ $id } 仍处于未完成状态。
error-commit-owner = 这项承诺由谁负责？请使用 /commit @用户 <内容>。
error-commit-too-long = 承诺内容太长：最多 { $max } 个字符。
error-date-unreadable = 我无法识别日期“{ $date }”。可以试试 2026-12-04、周五、明天或两周后。
error-date-past = “{ $date }”已经过去了。请给出一个将来的日期。

## Follow-ups
cmd-followup = 安排跟进：/followup <#编号 | @用户 | all> <时间> [备注]
cmd-followups = 已安排的跟进和自动提醒
cmd-report = 伙伴关系活动情况：消息与承诺
usage-followup = 用法：/followup <#编号 | @用户 | all> <时间> [备注]，例如 /followup #7 周五 10:00 请发送议程，或 /followup all 每周一 09:00。取消：/followup cancel <F编号>；查看自动提醒：/followup settings。
usage-followup-settings = 用法：/followup settings <reminder | overdue | digest | dormancy | hours | days> <值>，例如 /followup settings reminder 3d、/followup settings digest off、/followup settings hours 09:00-18:00、/followup settings days mon-fri
followup-scheduled =
    ⏰ 已安排跟进 F{ $id } — { $what }，{ $when }。
    { $times }
followup-time-line = • { $city }：{ $time }
followup-outside-hours = { " " }⚠️ 当地非工作时间
followup-once = 于 { $time }
followup-target-commitment = 承诺 #{ $id }
followup-target-user = { $person }
followup-target-all = 所有人
followup-cancelled = 🗑 跟进 F{ $id } 已取消。
followups-header = 已安排的跟进（{ $count }）：
followups-line =
    F{ $id } · { $what } · { $when } · 备注：{ $note }
      下次：{ $next }
followups-next-item = { $city } { $time }
followups-empty = 尚未安排跟进。使用 /followup <#编号 | @用户 | all> <时间> 安排。
followup-settings =
    自动提醒（按各城市当地工作时间发送）：
    • 截止日期前提醒：{ $reminder }
    • 承诺逾期通知：{ $overdue }
    • 每周摘要：{ $digest }
    • 伙伴关系沉寂提醒，沉寂时长：{ $dormancy }
    • 工作时间：{ $hours }，{ $days }
    协调员可用 /followup settings <名称> <值> 修改。
followup-settings-saved = ✅ 已保存。
setting-off = 关闭
setting-on = 开启
setting-hours = { $hours } 小时
setting-days = { $days } 天
rule-day = { $interval ->
        [1] 每天
       *[other] 每 { $interval } 天
    } { $time }
rule-week = { $interval ->
        [1] 每{ $weekday }
       *[other] 每 { $interval } 周的{ $weekday }
    } { $time }
rule-month = { $interval ->
        [1] 每月
       *[other] 每 { $interval } 个月的
    } { $day } 日 { $time }
error-when-unreadable = 无法识别时间“{ $when }”。可以试试：in 3d、明天 10:00、2026-12-01 09:30、周五 15:00 或 每周一 09:00。
error-followup-id = “{ $id }”不是跟进编号。请使用 F3 这样的编号。
error-followup-unknown = 本伙伴关系中没有已安排的跟进 F{ $id }。
error-followup-commitment-done = #{ $id } 已完成，无需跟进。
error-setting-unknown = 没有“{ $setting }”这项设置。可用：reminder、overdue、digest、dormancy、hours、days。
error-setting-value = “{ $value }”不适用于 { $setting }。示例：reminder 2d、overdue off、digest monday 09:00、dormancy 21d、hours 08:00-20:00、days mon-fri。

## Nudges
nudge-followup-commitment = ⏰ 跟进 #{ $id }：{ $owner }（{ $city }）— { $text } — 截止：{ $due }
nudge-followup-person = ⏰ 给 { $person } 的跟进
nudge-followup-all = ⏰ 给“{ $name }”全体成员的跟进
nudge-none-open = 没有未完成的承诺。
nudge-more = …… 另有 { $count } 项（/commitments）
nudge-note = 📝 { $note }
nudge-late = （延迟发送：原定于 { $time }，当时机器人未在运行。）
nudge-reminder = ⏳ 提醒：#{ $id } 将于 { $due } 到期 — { $owner }（{ $city }）：{ $text }
nudge-overdue = ⚠️ #{ $id } 已于 { $due } 逾期 — { $owner }（{ $city }）：{ $text }。已完成？/done { $id } · 新日期？/due { $id } <日期>
nudge-digest = 📋 “{ $name }”每周摘要：{ $open } 项未完成，{ $overdue } 项逾期
nudge-dormancy = 💤 “{ $name }”已连续 { $days } 天没有互动（最近活动：{ $since }）。简短的近况更新有助于保持合作势头：各位有什么新进展吗？

## Report
report-header = 📊 “{ $name }”— 伙伴关系活动情况，最近 { $days } 天（截至 { $date }）
report-city = • { $city }：{ $messages } 条消息 · 承诺：作出 { $made } 项，完成 { $done } 项（按时 { $ontime } 项），逾期 { $overdue } 项 · 最近活动：{ $last }
report-never = 无
report-median = 完成所需时间中位数：{ $days } 天
report-median-none = 尚无已完成的承诺。
report-chart-caption = 📊 “{ $name }”一览
report-chart-messages = 消息数（最近 { $days } 天）
report-chart-commitments = 承诺
report-chart-made = 作出
report-chart-done = 完成
report-chart-ontime = 按时
report-chart-overdue = 逾期

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 已创建伙伴关系“{ $name }”。{ $person }，我已通过私聊将邀请码发送给您。
partnership-created-joined-code-sent = 🤝 已创建伙伴关系“{ $name }”，本群是其第一个城市。{ $person }，我已通过私聊将下一个城市的邀请码发送给您。
partnership-invite-code-sent = { $person }，我已通过私聊将“{ $name }”的新邀请码发送给您。
partnership-code-private-needed = { $person }，邀请码只能通过私聊发送，而 Telegram 只有在您先与我开始私聊后才允许我给您发消息。请打开 { $link }，点击“开始”，然后在这里重新发送该命令。本次未生成任何邀请码。
error-code-anonymous = 邀请码会通过私聊发送给提出请求的人，因此我无法发送给匿名管理员。请以您本人的身份重新发送该命令。
start-join-code = 现在我可以向您发送邀请码了。请在您所在城市的群组中重新发送 /partnership invite（或 /partnership new <名称>），邀请码将发送到这里。
error-unsend-other-city = 只有消息作者、{ $city }群组的管理员或机器人管理员可以从所有群组中删除此消息。如只想从本群删除，请直接删除这里的副本。
error-unsend-left = 此消息是在本群已退出的伙伴关系中同步的，因此无法再从这里删除其副本。

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 以下城市群组中的副本已删除：{ $cities }。
unsend-report-kept = ⚠️ { $cities } 群组中的副本无法删除（Telegram 只允许机器人删除发送后 48 小时内的消息）。相关群组的管理员可以手动删除。

# Dates too far ahead (hostile input)
error-date-too-far = “{ $date }”过于遥远。请给出未来 { $years } 年以内的日期。

# Telegram 错误：伙伴群组不允许某类消息
relay-kind-refused = ℹ️ { $city } 不允许发送{ $kind ->
        [photo] 图片
        [video] 视频
        [animation] GIF 动图
        [audio] 音乐
        [voice] 语音消息
        [document] 文件
        [sticker] 贴纸
        [video_note] 视频消息
        [poll] 投票
        [dice] 骰子
       *[other] 此类消息
    }，因此这类内容不会同步到该群。该群的管理员可以在群组权限中开启。

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = 电子邮件城市：/email add | remove | mode
usage-email = /email 列出电子邮件城市；/email add <地址> <城市> <语言> [时区]；/email remove <地址>；/email mode <地址> each|digest [分钟]
usage-email-add = 用法：/email add <地址> <城市> <语言> [时区]，例如 /email add wang@hz.example Hangzhou zh Asia/Shanghai。为已有的电子邮件城市添加地址时，只需写城市。
usage-email-remove = 用法：/email remove <地址>
usage-email-mode = 用法：/email mode <地址> each|digest [分钟]（汇总邮件最多每 N 分钟一封，默认 10 分钟）
error-email-off = 本机器人尚未配置电子邮件。运维人员可以设置 BRIDGEBOT_EMAIL_ADDRESS、BRIDGEBOT_SMTP_URL 和 BRIDGEBOT_IMAP_URL。
error-email-bad-address = “{ $address }”不是电子邮件地址。
error-email-known = { $address } 已经登记过了。
error-email-city-language = { $city } 还不是本伙伴关系的电子邮件城市：请注明其语言（和时区），例如 /email add <地址> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } 已经通过其 Telegram 群参与。
error-email-unknown = { $address } 不是本伙伴关系的地址。
error-email-command = { $command } 不能通过电子邮件使用。通过电子邮件，您可以使用 /done、/blocked、/reopen、/due、/commitments 和 /commit。
email-invited = 已向 { $address }（{ $city } ✉）发送邀请。在有人回复邀请之前，该地址不会收到其他任何邮件。
email-removed = 已移除 { $address }，该地址不会再收到任何邮件。
email-mode-set-each = { $address } 现在每条消息收到一封邮件。
email-mode-set-digest = { $address } 现在最多每 { $minutes } 分钟收到一封汇总邮件。
email-list-empty = 本伙伴关系还没有电子邮件城市。协调员可以用 /email add <地址> <城市> <语言> [时区] 邀请。
email-list-header = 本伙伴关系的电子邮件城市：
email-mode-each = 每条消息一封邮件
email-mode-digest = 每 { $minutes } 分钟汇总一次
email-state-invited = 已邀请，等待回复
email-state-active = 有效
email-state-bouncing = 邮件被退回
email-state-stopped = 已退订
email-partner-joined = ✉ { $address } 已确认，现在通过电子邮件代表 { $city } 参与。
email-partner-stopped = ✉ { $address }（{ $city }）已退订，不再收到邮件。
email-partner-bouncing = ✉ 发往 { $address }（{ $city }）的邮件一再被退回，因此不再向该地址发送。请核对该地址（先 /email remove，再 /email add）。
email-invitation-subject = 邀请您加入伙伴关系 { $partnership }
email-invitation =
    尊敬的女士/先生：

    { $inviter }（{ $inviter_city }）邀请您作为 { $city } 的工作人员，通过电子邮件参与伙伴关系 { $partnership }。本伙伴关系的城市：{ $cities }。

    您将收到合作伙伴的消息（已译成{ $language }，下附原文，汇总成邮件发送）、新增和已完成的承诺，以及按您当地时间发送的提醒。您的回复将被翻译并转发到每个合作群组；回复开头可以写命令，例如 /done 12 或 /commit <内容> <日期>之前。

    如需确认，请直接回复本邮件。在此之前，您不会收到其他邮件。
    如需随时停止，请回复“退订”。
email-answer-subject = 回复：{ $command }
email-digest-subject = { $partnership }：{ $date } 的对话
email-footer = 回复本邮件即可答复合作伙伴，您的回复会为他们翻译。命令：/done <编号>、/blocked <编号> <原因>、/commit <内容> <日期>之前、/commitments。如需停止接收，请回复“退订”。
