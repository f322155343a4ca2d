#!/bin/sh
# Draws the two demo "photos" embedded in the demo audit (assets/demo/): a rack front and the
# rating label of an IP camera showing its factory-default login. Drawn, not photographed, so
# they carry no real site's details. Needs ImageMagick 6 (`apt-get install imagemagick`).
set -eu
cd "$(dirname "$0")/../.."
IM=/usr/bin/convert
FONT=assets/fonts/NotoSansSC-Regular-subset.ttf
BOLD=assets/fonts/NotoSansSC-Bold-subset.ttf
OUT=assets/demo

# --- Rack front: 42U cabinet, servers with drive bays and LEDs, a switch with patch leads.
rack_mvg=$(mktemp)
{
  echo "fill #1b1d20 rectangle 60,20 420,620"          # cabinet frame
  echo "fill #2a2d31 rectangle 80,36 400,604"          # inner bay
  y=44
  while [ $y -lt 600 ]; do                               # rail holes
    echo "fill #0d0e10 rectangle 86,$y 92,$((y + 4))"
    echo "fill #0d0e10 rectangle 388,$y 394,$((y + 4))"
    y=$((y + 13))
  done
  # Top-of-rack switch with 24 ports and cables.
  echo "fill #3d4247 rectangle 98,60 382,84"
  i=0
  while [ $i -lt 24 ]; do
    x=$((150 + i * 9))
    echo "fill #111 rectangle $x,66 $((x + 6)),74"
    [ $((i % 3)) -ne 2 ] && echo "fill #2f6fd0 rectangle $((x + 1)),74 $((x + 5)),96"
    [ $((i % 5)) -eq 0 ] && echo "fill #e0c020 rectangle $((x + 1)),74 $((x + 5)),96"
    echo "fill #3ddc84 rectangle $x,62 $((x + 2)),64"
    i=$((i + 1))
  done
  # Servers: 2U units with 8 drive bays each.
  for top in 120 170 220 300 350; do
    echo "fill #b9bec4 rectangle 98,$top 382,$((top + 44))"
    echo "fill #8d939a rectangle 104,$((top + 4)) 120,$((top + 40))"
    b=0
    while [ $b -lt 8 ]; do
      x=$((130 + b * 28))
      echo "fill #5b6168 rectangle $x,$((top + 6)) $((x + 24)),$((top + 38))"
      echo "fill #3ddc84 circle $((x + 20)),$((top + 10)) $((x + 21)),$((top + 11))"
      b=$((b + 1))
    done
    echo "fill #2b2f33 rectangle 360,$((top + 8)) 376,$((top + 36))"
  done
  # One idle server: amber fault LED, no drive LEDs lit.
  echo "fill #a9aeb4 rectangle 98,420 382,464"
  echo "fill #f0a020 circle 370,430 373,433"
  # Blanking panels and a KVM drawer.
  echo "fill #202326 rectangle 98,480 382,520"
  echo "fill #34383d rectangle 98,530 382,556"
  # Asset label on the idle server.
  echo "fill #f4f1e8 rectangle 200,436 300,456"
} >"$rack_mvg"
$IM -size 480x640 xc:'#6d7378' -draw "$(cat "$rack_mvg")" \
  -font "$FONT" -pointsize 11 -fill '#222' -annotate +206+451 'RC-SRV-0117' \
  -pointsize 13 -fill '#e8e8e8' -annotate +100+32 'RACK A-03  机柜 A-03' \
  -attenuate 0.35 +noise Gaussian -blur 0x0.6 \
  \( +clone -fill black -colorize 100 -fill white -draw 'ellipse 240,320 300,380 0,360' -blur 0x60 \) \
  -compose multiply -composite -quality 72 -strip "$OUT/rack-a03-front.jpg"
rm -f "$rack_mvg"

# --- Camera label: rating sticker with model, serial and the factory-default login.
$IM -size 560x360 xc:'#9aa0a6' \
  -fill '#f7f7f2' -stroke '#c9c9c0' -draw 'roundrectangle 40,30 520,330 10,10' -stroke none \
  -font "$BOLD" -pointsize 22 -fill '#1a1a1a' -annotate +64+72 '网络摄像机  Network Camera' \
  -font "$FONT" -pointsize 17 \
  -annotate +64+110 'Model 型号: IPC-B2341-I' \
  -annotate +64+140 'S/N 序列号: E71943621' \
  -annotate +64+170 'MAC: 4C:BD:8F:21:7A:0E' \
  -annotate +64+200 'Power 电源: 12V DC / PoE (802.3af)' \
  -fill '#b00020' -annotate +64+240 '默认 IP Default IP: 192.168.1.64' \
  -annotate +64+270 '用户名/密码 User/Password: admin / 12345' \
  -fill '#1a1a1a' -pointsize 12 -annotate +64+310 'Made in China  中国制造        CE  FC' \
  -fill '#111' -draw 'rectangle 420,230 500,310' -fill '#f7f7f2' \
  -draw 'rectangle 428,238 448,258' -draw 'rectangle 472,238 492,258' -draw 'rectangle 428,282 448,302' \
  -draw 'rectangle 458,266 466,274' -draw 'rectangle 476,286 484,294' \
  -distort Perspective '0,0 8,12  560,0 548,0  0,360 0,352  560,360 556,360' \
  -attenuate 0.3 +noise Gaussian -blur 0x0.5 -quality 75 -strip "$OUT/camera-label.jpg"

ls -l "$OUT"/*.jpg
